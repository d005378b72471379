// Temporary runner: the workbench table figures alone.
import { buildBaselinePage } from './baseline-page';
import { verdict } from './common';
import { launchBrowser } from './shell';
import { workbenchTable5000 } from './workbench-table-figures';

const dir = await buildBaselinePage();
const browser = await launchBrowser();
const t0 = performance.now();
try {
  for (const f of await workbenchTable5000(browser, dir)) console.log(JSON.stringify({ ...f, verdict: verdict(f) }));
} finally {
  await browser.close();
}
console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
