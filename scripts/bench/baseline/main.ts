// The benchmark's baseline page: the least a React page can be, built by the renderer's Vite settings
// and served like the app (scripts/bench/baseline-page.ts). Without a query it shows one heading (the
// first-paint baseline); with `?list` it asks the shell for a list of texts over the same Playwright
// binding the app's bridge uses and shows them as a plain <ul> (the 200-connection render baseline).
// Plain createElement rather than JSX, so `tsc -b` checks this file with the other scripts.
import { createElement as h, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type Invoke = (channel: string, arg: unknown) => Promise<unknown>;

function List() {
  const [items, setItems] = useState<readonly string[] | null>(null);
  useEffect(() => {
    void (window as unknown as { __amcInvoke: Invoke })
      .__amcInvoke('bench:list', null)
      .then((reply) => setItems(reply as string[]));
  }, []);
  if (!items) return h('p', null, 'Loading…');
  return h(
    'ul',
    { id: 'bench-list' },
    items.map((text, i) => h('li', { key: i }, text)),
  );
}

function Baseline() {
  return h(
    'main',
    null,
    h('h1', null, 'Benchmark baseline'),
    new URLSearchParams(location.search).has('list') ? h(List) : null,
  );
}

createRoot(document.getElementById('root')!).render(h(StrictMode, null, h(Baseline)));
