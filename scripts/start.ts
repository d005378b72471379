// `npm start` (after the build): the Electron app, or — where Electron's binary is missing and
// cannot be downloaded — the very same app in Chromium, with one sentence saying why.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from '../test/e2e/app-launcher';
import { runChromiumShell, screenshotArgument } from '../test/shell/run-shell';
import { chooseStart } from './start-choice';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const screenshot = screenshotArgument(args);

/** Electron ≥ 42 downloads its binary on first use; try once, quietly, and report only the outcome. */
function downloadElectron(): string | null {
  spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 120_000,
  });
  return electronBinary();
}

const binary =
  electronBinary() ?? (screenshot === null && !process.env.APPROVALMAX_CONNECT_NO_ELECTRON ? downloadElectron() : null);
const choice = chooseStart({ platform: process.platform, env: process.env, binary, headless: screenshot !== null });
if (choice.kind === 'no-display') {
  console.error(choice.message);
  process.exit(1);
} else if (choice.kind === 'electron') {
  const electron = spawn(choice.binary, [root], { cwd: root, stdio: 'inherit' });
  electron.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(choice.message);
  await runChromiumShell(args);
}
