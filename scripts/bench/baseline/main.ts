// The benchmark's baseline page: the least a React page can be, built by the renderer's Vite settings
// and served like the app (scripts/bench/baseline-page.ts). Without a query it shows one heading (the
// first-paint baseline); with `?list` it asks the shell for a list of texts over the same Playwright
// binding the app's bridge uses and shows them as a plain <ul> (the 200-connection render baseline); with
// `?table` it asks for a table's cells and shows them all as a plain <table>, not windowed, in a box the
// size of the app's table (the 5,000-row workbench table's baseline). Its few style rules go in through a
// constructed style sheet, only in that mode, so the first-paint baseline loads nothing more.
// Plain createElement rather than JSX, so `tsc -b` checks this file with the other scripts.
import { createElement as h, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type Invoke = (channel: string, arg: unknown) => Promise<unknown>;
const invoke: Invoke = (channel, arg) => (window as unknown as { __amcInvoke: Invoke }).__amcInvoke(channel, arg);

function List() {
  const [items, setItems] = useState<readonly string[] | null>(null);
  useEffect(() => {
    void invoke('bench:list', null).then((reply) => setItems(reply as string[]));
  }, []);
  if (!items) return h('p', null, 'Loading…');
  return h(
    'ul',
    { id: 'bench-list' },
    items.map((text, i) => h('li', { key: i }, text)),
  );
}

// The app's table box (`.wb-table-scroll`: min(560px, 65vh) high), rows 34 px high on one line, 13 px text.
const TABLE_CSS = `
#bench-table-scroll { height: min(560px, 65vh); overflow: auto; border: 1px solid #dde1e8; }
#bench-table { border-collapse: collapse; table-layout: fixed; font-size: 13px; }
#bench-table th, #bench-table td {
  width: 170px; height: 34px; box-sizing: border-box; padding: 0 10px; text-align: left;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-bottom: 1px solid #dde1e8;
}`;
const COLUMN_WIDTH = 170;

/** Every row of the cells the shell sends, as a plain React <table>. */
function Table() {
  const [cells, setCells] = useState<{ columns: string[]; rows: string[][] } | null>(null);
  useEffect(() => {
    void invoke('bench:table', null).then((reply) => setCells(reply as { columns: string[]; rows: string[][] }));
  }, []);
  if (!cells) return h('p', null, 'Loading…');
  return h(
    'div',
    { id: 'bench-table-scroll' },
    h(
      'table',
      { id: 'bench-table', style: { width: cells.columns.length * COLUMN_WIDTH } },
      h('thead', null, h('tr', null, ...cells.columns.map((label, i) => h('th', { key: i }, label)))),
      h(
        'tbody',
        null,
        cells.rows.map((row, r) =>
          h(
            'tr',
            { key: r },
            row.map((text, c) => h('td', { key: c }, text)),
          ),
        ),
      ),
    ),
  );
}

const mode = new URLSearchParams(location.search);
if (mode.has('table')) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TABLE_CSS);
  document.adoptedStyleSheets = [sheet];
}

function Baseline() {
  return h(
    'main',
    null,
    h('h1', null, 'Benchmark baseline'),
    mode.has('list') ? h(List) : null,
    mode.has('table') ? h(Table) : null,
  );
}

createRoot(document.getElementById('root')!).render(h(StrictMode, null, h(Baseline)));
