// `npm run sandbox`: a simulator on fixed ports for people, with the settings to type into the app.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSimulatorConfig } from './demo-config';
import { startSimulator, type Simulator } from './index';

const SANDBOX_CLIENT_ID = '5A1D8C2E4B6F40A9B3C7D9E1F2A4B6C8';
const SANDBOX_CLIENT_SECRET = 'sandbox-secret-not-for-production';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, not "${raw}"`);
  return port;
}

function describe(sim: Simulator, configFile: string, accessToken: string): string {
  const faults = `${sim.issuer}/__sim/faults`;
  return `
ApprovalMax simulator is running.

  Identity server (issuer):  ${sim.issuer}
  Public API base:           ${sim.apiBase}
  Client ID:                 ${sim.clientId}
  Client Secret:             ${sim.clientSecret}
  Redirect URI:              ${sim.redirectUri}
  Demo user:                 ${sim.user.email} / ${sim.user.password}
  Organisations offered:     ${sim.organisations.map((o) => o.name).join(', ')}

Start the app with this simulator already set up as an environment:
  APPROVALMAX_CONNECT_CONFIG=${configFile} npm run start:chromium

A fresh access token (valid for an hour) to paste into the app's Ping screen:
${accessToken}

Make the simulator misbehave (from another terminal):
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"token":"server-error"}'
       token: none | server-error | slow | invalid-grant | no-refresh-token | drop-connection   (tokenDelayMs for slow)
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"ping":"rate-limited","retryAfterSeconds":30}'
       ping: none | unauthorized | rate-limited | unavailable
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"dateSkewSeconds":600}'
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"denyConsent":true}'
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"accessTokenTtl":60}'
  curl ${faults}                 (shows the current switches)
  curl -X DELETE ${faults}       (switches everything back to normal)

Press Ctrl+C to stop.
`;
}

async function main(): Promise<void> {
  // Fixed client credentials, so an environment saved in the app keeps working across sandbox restarts.
  const sim = await startSimulator({
    port: portFromEnv('SIM_PORT', 4010),
    apiPort: portFromEnv('SIM_API_PORT', 4011),
    clientId: process.env.SIM_CLIENT_ID || SANDBOX_CLIENT_ID,
    clientSecret: process.env.SIM_CLIENT_SECRET || SANDBOX_CLIENT_SECRET,
    // `npm run sandbox -- --strict`: a standards-following OpenID provider (openid required, offline access only with consent).
    strictOidc: process.argv.includes('--strict'),
    quiet: true,
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the simulator…');
    sim.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The simulator did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // An app config file that predefines the simulator as an environment.
  const configFile = await writeSimulatorConfig(sim, join(tmpdir(), 'approvalmax-connect-sandbox'));
  const tokens = await sim.issueTokens();
  console.log(describe(sim, configFile, tokens.access_token));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The simulator could not start: ${message}`);
  if (message.includes('EADDRINUSE'))
    console.error(
      'Another program uses the port. Set SIM_PORT / SIM_API_PORT to free ports, or stop the other program.',
    );
  process.exit(1);
});
