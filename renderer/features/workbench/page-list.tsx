import { useState } from 'react';
import type { WorkbenchPage } from '../../../preload/contract';
import { PingResult } from '../ping/ping-result';

/** Each page's request and answer, kept: a line per page, and the whole report of the one opened. */
export function PageList({ pages }: { pages: readonly WorkbenchPage[] }) {
  const [openNumber, setOpenNumber] = useState<number | null>(null);
  const opened = pages.find((p) => p.number === openNumber) ?? null;
  return (
    <section className="card wb-pages" aria-labelledby="wb-pages-title">
      <div className="section-header">
        <h2 id="wb-pages-title">Requests, page by page</h2>
        {opened && (
          <button type="button" className="small" onClick={() => setOpenNumber(null)}>
            Hide page {opened.number}
          </button>
        )}
      </div>
      <ul className="wb-page-list" aria-label="Pages loaded">
        {pages.map((page) => (
          <li key={page.number}>
            <PageLine
              page={page}
              open={page.number === openNumber}
              onToggle={() => setOpenNumber(page.number === openNumber ? null : page.number)}
            />
          </li>
        ))}
      </ul>
      {opened && <PingResult report={opened.report} />}
    </section>
  );
}

function PageLine({ page, open, onToggle }: { page: WorkbenchPage; open: boolean; onToggle(): void }) {
  const { report } = page;
  const status = report.response?.status ?? null;
  const answered = status !== null && status >= 200 && status < 300;
  const items = `${page.items.length.toLocaleString('en-GB')} item${page.items.length === 1 ? '' : 's'}`;
  return (
    <button
      type="button"
      className={`history-item tone-${report.verdict.tone}`}
      aria-current={open ? 'true' : undefined}
      onClick={onToggle}
    >
      <span className={`status-pill tone-${report.verdict.tone}`}>{status ?? '—'}</span>
      <span className="history-main">
        <span className="history-headline">
          Page {page.number} · {answered ? items : 'failed'}
          {answered && !page.hasMore ? ' · last page' : ''}
        </span>
        <span className="hint mono wb-page-url">GET {report.request.url}</span>
      </span>
      <span className="hint">{Math.round(report.elapsedMs)} ms</span>
    </button>
  );
}
