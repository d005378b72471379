import type { DiagnosticsData } from './diagnostics-data';

/** The report as Markdown for a support ticket: the same facts as the JSON, readable by a person. */
export function renderMarkdown(d: DiagnosticsData): string {
  return (
    [
      `# ApprovalMax Connect diagnostics`,
      `Generated ${d.generatedAt}. Tokens, codes, secrets and Authorization values are redacted.`,
      section('App', keyValues(d.app)),
      section('Keychain', `- backend: ${d.keychain.backend}\n- ${d.keychain.meaning}`),
      section('Notices', d.notices.length ? d.notices.map((n) => `- ${n}`).join('\n') : '_None._'),
      section(
        'Environments',
        d.environments.length
          ? table(d.environments, [
              'name',
              'id',
              'source',
              'issuer',
              'apiBase',
              'clientId',
              'redirectUri',
              'hasClientSecret',
            ])
          : '_None._',
      ),
      section('Connections', d.connections.length ? d.connections.map(connection).join('\n\n') : '_No connections._'),
      section('Clock', d.clockSkew ? keyValues(d.clockSkew) : '_Not measured yet: no ping has been answered._'),
      section(
        'Recent pings',
        d.recentPings.length
          ? table(d.recentPings, [
              'at',
              'with',
              'environment',
              'url',
              'status',
              'verdict',
              'elapsedMs',
              'transport',
              'traceId',
            ])
          : '_None._',
      ),
      section('Timeline', d.timeline.length ? table(d.timeline, ['at', 'kind', 'connection', 'summary']) : '_Empty._'),
    ].join('\n\n') + '\n'
  );
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}`;
}

function connection(c: Record<string, unknown>): string {
  const { currentToken, label, lastCheck, ...facts } = c;
  const token =
    typeof currentToken === 'string'
      ? currentToken
      : `Current access token (header and claims only):\n\n\`\`\`json\n${JSON.stringify(currentToken, null, 2)}\n\`\`\``;
  return `### ${cell(label)}\n\n${keyValues(facts)}\n\n${checkSection(lastCheck)}\n\n${token}`;
}

/** The connection's last "Check connection", one line per step. */
function checkSection(check: unknown): string {
  if (!check || typeof check !== 'object') return 'Last check: _never checked._';
  const { checkedAt, result, summary, steps } = check as {
    checkedAt: string;
    result: string;
    summary: string;
    steps: string[];
  };
  return [`Last check ${checkedAt}: ${result} — ${cell(summary)}`, '', ...steps.map((s) => `- ${cell(s)}`)].join('\n');
}

function keyValues(record: Record<string, unknown>): string {
  return Object.entries(record)
    .map(([k, v]) => `- ${k}: ${cell(v)}`)
    .join('\n');
}

function table(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const head = `| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`;
  return [head, ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`)].join('\n');
}

/** One value on one line, with table pipes escaped. */
function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = Array.isArray(value)
    ? value.join('; ')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
