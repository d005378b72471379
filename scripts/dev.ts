// `npm run dev`: build once, then rebuild the renderer on every change and reload the window.
// Runs Electron where its binary exists, the Chromium shell otherwise. Main-process changes need a restart.
import { spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { electronBinary } from '../test/e2e/app-launcher';
import { launchChromiumShell } from '../test/shell/launch';

const root = path.resolve(import.meta.dirname, '..');
const run = (args: string[]) => spawnSync('npm', args, { cwd: root, stdio: 'inherit' }).status === 0;
if (!run(['run', 'build'])) process.exit(1);

const watcher = spawn('npx', ['vite', 'build', '--mode', 'renderer', '--watch'], { cwd: root, stdio: 'inherit' });
const binary = electronBinary();
if (binary) {
  const electron = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  electron.on('exit', () => (watcher.kill(), process.exit(0)));
} else {
  console.log('No Electron binary here: running the app in the Chromium shell.');
  const app = await launchChromiumShell({ headless: false });
  const page = await app.firstWindow();
  let timer: NodeJS.Timeout | undefined;
  watch(path.join(root, 'dist/renderer'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void page.reload().catch(() => undefined), 300);
  });
  page.on('close', () => (watcher.kill(), void app.close().then(() => process.exit(0))));
}
