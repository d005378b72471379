import { useId, useState } from 'react';
import type { RunProgress, WorkbenchPage } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { useNow } from '../../shared/use-now';
import { ProblemView } from '../ping/ping-details';
import {
  DEFAULT_PAGE_CAP,
  hasNextPage,
  isRunning,
  progressBar,
  progressWords,
  readPageCap,
  waitingWords,
} from './run-model';
import type { RequestForm } from './use-request-form';
import type { Run } from './use-run';

/** First page, next page, "Load all" up to a cap (with progress, waits and Cancel), and a failed page with its retry. */
export function RunPanel({ form, run }: { form: RequestForm; run: Run }) {
  const [capText, setCapText] = useState(String(DEFAULT_PAGE_CAP));
  const cap = readPageCap(capText);
  const ready = form.request !== null && Boolean(form.preview?.url);
  const running = run.busy || isRunning(run.progress);
  const more = hasNextPage(run.progress);
  const first = () => (form.request ? run.start(form.request) : null);
  async function loadAll() {
    if (!cap.ok) return;
    if (!run.runId) {
      const started = await first();
      if (!started?.ok || !hasNextPage(started.value.progress)) return;
    }
    void run.loadAll(cap.value);
  }
  const retry = () => void (run.lastAsked === 'load-all' && cap.ok ? run.loadAll(cap.value) : run.next());
  return (
    <section className="card form wb-run" aria-labelledby="wb-run-title">
      <h2 id="wb-run-title" className="section-title">
        Pages
      </h2>
      <div className="actions wb-run-actions">
        <button type="button" className="primary" onClick={() => void first()} disabled={!ready || running}>
          Get first page
        </button>
        <button type="button" onClick={() => void run.next()} disabled={!more || running}>
          Next page
        </button>
        <PageCapField text={capText} problem={cap.ok ? null : cap.problem} onChange={setCapText} />
        <button
          type="button"
          onClick={() => void loadAll()}
          disabled={running || !cap.ok || (run.runId ? !more : !ready)}
        >
          Load all pages
        </button>
        {running && run.runId && (
          <button type="button" onClick={() => void run.cancel()}>
            Cancel
          </button>
        )}
      </div>
      {!form.endpoint && <p className="hint">Pick an endpoint first.</p>}
      {form.preview && !form.preview.url && <p className="hint">Fill in the required parameters first.</p>}
      <CallError error={run.error} />
      {run.progress && <RunProgressView progress={run.progress} />}
      {run.progress?.state === 'failed' && (
        <FailedPage progress={run.progress} pages={run.pages} busy={running} onRetry={retry} />
      )}
    </section>
  );
}

function PageCapField({
  text,
  problem,
  onChange,
}: {
  text: string;
  problem: string | null;
  onChange(text: string): void;
}) {
  const id = useId();
  return (
    <span className="wb-cap">
      <label htmlFor={id}>Up to</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-unit${problem ? ` ${id}-problem` : ''}`}
        data-testid="workbench-page-cap"
      />
      <span id={`${id}-unit`}>pages in all</span>
      {problem && (
        <span id={`${id}-problem`} className="wb-problem">
          {problem}
        </span>
      )}
    </span>
  );
}

/** The bar (pages so far out of the cap), the counts in words, the wait in progress; state changes are announced. */
function RunProgressView({ progress }: { progress: RunProgress }) {
  const bar = progressBar(progress);
  const words = progressWords(progress);
  // "Load all" fills the bar up to its cap; a single page shows a bar only while it loads (with no end known).
  const loadingAll = progress.maxPages !== null;
  return (
    <div className="wb-progress">
      {(loadingAll || isRunning(progress)) && (
        <progress
          aria-label="Pages loaded"
          aria-valuetext={words}
          {...(loadingAll ? { value: bar.value, max: bar.max } : {})}
        />
      )}
      <p className="wb-progress-words">{words}</p>
      {progress.state === 'waiting' && <WaitingLine progress={progress} />}
      <p className="visually-hidden" role="status">
        {isRunning(progress)
          ? progress.state === 'waiting'
            ? 'Waiting before the next page.'
            : 'Loading pages.'
          : words}
      </p>
    </div>
  );
}

function WaitingLine({ progress }: { progress: RunProgress }) {
  const now = useNow(1000);
  return <p className="wb-waiting">{waitingWords(progress, now)}</p>;
}

/** The page that failed: what ApprovalMax said, in plain words, and a retry from that page (the pages before it are kept). */
function FailedPage({
  progress,
  pages,
  busy,
  onRetry,
}: {
  progress: RunProgress;
  pages: readonly WorkbenchPage[];
  busy: boolean;
  onRetry(): void;
}) {
  const number = progress.failedPage ?? progress.pages + 1;
  const report = pages.find((p) => p.number === number)?.report;
  return (
    <div className={`wb-failure tone-${report?.verdict.tone ?? 'bad'}`}>
      <p className="wb-failure-headline" role="alert">
        Page {number} failed{report ? `: ${report.verdict.headline}` : '.'}
      </p>
      {report && <p>{report.verdict.explanation}</p>}
      {report && (
        <p className="next-step">
          <strong>What to do:</strong> {report.verdict.nextStep}
        </p>
      )}
      {report?.problem && <ProblemView problem={report.problem} />}
      <div className="actions">
        <button type="button" className="primary" onClick={onRetry} disabled={busy}>
          Retry from page {number}
        </button>
      </div>
    </div>
  );
}
