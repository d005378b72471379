// `npm run sandbox`: a simulator on fixed ports for people, with the settings to type into the app.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSimulatorConfig } from './demo-config';
import { PLAN_DISABLED_BY_DEFAULT, startSimulator, type Simulator } from './index';

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
  const first = sim.organisations[0]!.companyId;
  const harbour = sim.organisations.find((o) => PLAN_DISABLED_BY_DEFAULT.includes(o.companyId))?.name ?? '';
  return `
ApprovalMax simulator is running.

  Identity server (issuer):  ${sim.issuer}
  Public API base:           ${sim.apiBase}
  OpenAPI document:          ${sim.openApiUrl}   (no token needed)
  Client ID:                 ${sim.clientId}
  Client Secret:             ${sim.clientSecret}
  Redirect URI:              ${sim.redirectUri}
  Demo user:                 ${sim.user.email} / ${sim.user.password}
  Organisations offered:     ${sim.organisations.map((o) => o.name).join(', ')}
                             (${harbour} is disabled by its plan: listed, but its data endpoints answer 400)

Start the app with this simulator already set up as an environment:
  APPROVALMAX_CONNECT_CONFIG=${configFile} npm run start:chromium

A fresh access token (valid for an hour) to paste into the app's Ping screen:
${accessToken}

Read some data with it (TOKEN=<the token above>; 250 items per list, pages of up to 100, follow continuationToken):
  curl -H "Authorization: Bearer $TOKEN" '${sim.apiBase}/api/v1/companies/${first}/xero/bills?limit=5&requestStatus=Approved'
  Lists: xero/{purchase-orders,bills,credit-notes,sales-invoices,batch-payments,quotes}, standalone/documents
  (each also /{requestId}), userProfiles. At most 100 reads a minute per organisation, then 429.

Make the simulator misbehave (from another terminal):
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"token":"server-error"}'
       token: none | server-error | slow | invalid-grant | no-refresh-token | drop-connection   (tokenDelayMs for slow)
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"ping":"rate-limited","retryAfterSeconds":30}'
       ping: none | unauthorized | rate-limited | unavailable
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"dateSkewSeconds":600}'
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"denyConsent":true}'
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"accessTokenTtl":60}'
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"refreshTokenTtl":120}'    (sliding; then invalid_grant)
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"openApi":false}'          (the document answers 404)
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"pageDelayMs":2000,"failPage":3}'
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"readsPerMinute":5}'
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"roleRevoked":true}'       (every call 403)
  curl -X POST ${faults} -H 'Content-Type: application/json' -d '{"planDisabled":[],"removedFromConnections":["${first}"]}'
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
