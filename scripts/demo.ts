// `npm run demo [-- --screenshot FILE.png]`: the app with no ApprovalMax account. The simulator runs in
// this process; the app starts set up for it through an admin config file in a temporary folder, and
// the demo user's sign-in is shown in the app's sign-in panel (the admin file's `signInHint`).
// Nothing here is part of the packaged app.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../test/e2e/app-launcher';
import { launchChromiumShell, type ShellApplication } from '../test/shell/launch';
import { demoSignInHint, writeDemoConfig } from '../test/sim/demo-config';
import { startSimulator, type Simulator } from '../test/sim/index';

const ROOT = path.resolve(import.meta.dirname, '..');
/** A keychain service of the demo's own, so it never touches the user's real ApprovalMax Connect secrets. */
const DEMO_KEYCHAIN_SERVICE = 'ApprovalMax Connect demo';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? args[shotIndex + 1] : undefined;
if (shotIndex >= 0 && !screenshot) {
  console.error('Usage: npm run demo -- --screenshot FILE.png');
  process.exit(2);
}
if (!screenshot && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'The demo needs a screen, and this Linux session has no display (neither DISPLAY nor WAYLAND_DISPLAY is set): run it as `xvfb-run -a npm run demo`.',
  );
  process.exit(1);
}

let sim: Simulator | undefined;
let workDir: string | undefined;
let shell: ShellApplication | undefined;
let electron: ChildProcess | undefined;
let stopping: Promise<never> | undefined;

/** Closes the app, stops the simulator and removes the demo's folder and keychain entries, once; never throws. */
function stopAll(code: number): Promise<never> {
  stopping ??= (async () => {
    if (electron && electron.exitCode === null) electron.kill();
    await shell?.close().catch(() => undefined);
    await sim?.stop().catch(() => undefined);
    await forgetDemoSecrets();
    if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

/** The app put the simulator's Client Secret and the demo's tokens in the keychain under the demo's service. */
async function forgetDemoSecrets(): Promise<void> {
  try {
    const { default: keytar } = await import('keytar');
    const clear = async () => {
      for (const { account } of await keytar.findCredentials(DEMO_KEYCHAIN_SERVICE))
        await keytar.deletePassword(DEMO_KEYCHAIN_SERVICE, account);
    };
    await Promise.race([clear(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  } catch {
    // No keychain here: the app kept its secrets in memory, and they are gone with it.
  }
}

/** Ctrl+C stops everything; a second Ctrl+C quits at once. */
function onSignal(): void {
  if (stopping) process.exit(130);
  console.log('Stopping the demo…');
  void stopAll(0);
}

/** Playwright exits the process on Ctrl+C as soon as its browser is closed, before the demo has cleaned up: the demo does both. */
function ownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    for (const listener of process.listeners(signal)) if (listener !== onSignal) process.off(signal, listener);
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Should the demo be killed outright, its folder (with the simulator's secret) still goes.
  process.on('exit', () => workDir && rmSync(workDir, { recursive: true, force: true }));
  await forgetDemoSecrets(); // left over from a demo that was killed

  sim = await startSimulator({ quiet: true });
  console.log(`ApprovalMax simulator started: identity server ${sim.issuer}, Public API ${sim.apiBase}.`);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'amc-demo-'));
  const configFile = await writeDemoConfig(sim, workDir);
  const dataDir = path.join(workDir, 'data');
  const env = {
    APPROVALMAX_CONNECT_CONFIG: configFile,
    APPROVALMAX_CONNECT_DATA_DIR: dataDir,
    APPROVALMAX_CONNECT_KEYCHAIN_SERVICE: DEMO_KEYCHAIN_SERVICE,
    // Only errors in this terminal, so the lines below stay readable; the app shows its notices itself.
    APPROVALMAX_CONNECT_LOG_LEVEL: process.env.APPROVALMAX_CONNECT_LOG_LEVEL || 'error',
  };

  if (screenshot) {
    shell = await launchChromiumShell({ headless: true, env, dataDir });
    ownSignals();
    const page = await shell.firstWindow();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The simulator's secret reaches the keychain just after the window shows; then Connect is ready.
    await page
      .getByText('Connects to ')
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await page.screenshot({ path: screenshot });
    console.log(`Screenshot of the demo's first screen written to ${screenshot}`);
    return stopAll(0);
  }

  const binary = electronBinary();
  if (binary) {
    electron = spawn(binary, [ROOT], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    electron.on('exit', () => void stopAll(0));
    electron.on('error', (error) => {
      console.error(`Electron could not start: ${error.message}`);
      void stopAll(1);
    });
    console.log('ApprovalMax Connect started (Electron), set up for the simulator.');
  } else {
    shell = await launchChromiumShell({ headless: false, env, dataDir });
    ownSignals();
    const page = await shell.firstWindow();
    page.on('close', () => void stopAll(0));
    console.log('ApprovalMax Connect started in Chromium (no Electron binary here), set up for the simulator.');
  }
  console.log(`${demoSignInHint(sim)} (the app shows it when you choose Connect organisation).`);
  console.log('To quit, close the app window or press Ctrl+C here.');
}

main().catch((error: unknown) => {
  // The first line only: Playwright appends call logs, and a person needs the reason, not a trace.
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  console.error(`The demo could not start: ${reason}`);
  void stopAll(1);
});
