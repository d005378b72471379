// The admin config file that sets the app up for a running simulator, as IT would write it.
// Shared by `npm run sandbox`, `npm run demo` and the demo spec, so all three configure the app alike.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from './index';

/** The environment's name in the app, as the README and the specs call it. */
export const SIMULATOR_ENVIRONMENT_NAME = 'Local simulator';

export interface SimulatorConfigOptions {
  /** Plain words for the app's sign-in panel (the admin file's `signInHint`). */
  signInHint?: string;
}

/** The admin config with the simulator as its one environment, Client Secret included (as IT may). */
export function simulatorConfig(sim: Simulator, options: SimulatorConfigOptions = {}) {
  return {
    environments: [
      {
        id: 'sandbox',
        name: SIMULATOR_ENVIRONMENT_NAME,
        issuer: sim.issuer,
        apiBase: sim.apiBase,
        clientId: sim.clientId,
        redirectUri: sim.redirectUri,
        // The app moves the secret into the keychain at start, so a newcomer types nothing.
        clientSecret: sim.clientSecret,
        ...(options.signInHint ? { signInHint: options.signInHint } : {}),
      },
    ],
  };
}

/** Writes `config.json` (only the current user may read it: it holds the secret) into `dir`; returns its path. */
export async function writeSimulatorConfig(
  sim: Simulator,
  dir: string,
  options: SimulatorConfigOptions = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'config.json');
  await writeFile(file, `${JSON.stringify(simulatorConfig(sim, options), null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** The demo user's sign-in details, as the demo shows them in the app's sign-in panel. */
export function demoSignInHint(sim: Simulator): string {
  return `Demo sign-in: ${sim.user.email} / ${sim.user.password}`;
}

/** The demo's config: the simulator, with the demo user's sign-in details shown while signing in. */
export function writeDemoConfig(sim: Simulator, dir: string): Promise<string> {
  return writeSimulatorConfig(sim, dir, { signInHint: demoSignInHint(sim) });
}
