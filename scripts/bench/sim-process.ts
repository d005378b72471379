// The simulator in a process of its own for `npm run bench`, so its work (signing tokens, running
// oidc-provider) never counts against the app's event loop. It issues the requested number of token
// sets through real sign-ins, prints one JSON line with the settings and tokens, and stops when its
// standard input closes.
import { startSimulator } from '../../test/sim/index';

const count = Number(process.argv[2] ?? '200');
const sim = await startSimulator({ quiet: true });
const tokens: { accessToken: string; refreshToken: string }[] = [];
for (let i = 0; i < count; i += 10) {
  const batch = await Promise.all(Array.from({ length: Math.min(10, count - i) }, () => sim.issueTokens()));
  for (const t of batch) tokens.push({ accessToken: t.access_token, refreshToken: t.refresh_token ?? '' });
}
const { issuer, apiBase, clientId, clientSecret, redirectUri } = sim;
process.stdout.write(JSON.stringify({ issuer, apiBase, clientId, clientSecret, redirectUri, tokens }) + '\n');
process.stdin.resume();
process.stdin.on('end', () => void sim.stop().then(() => process.exit(0)));
