// Runs the transport contract inside a real Electron main process (where the binary exists):
// built by `vite build --mode transport-contract`, started by test/unit/transport/electron-transport.contract.test.ts.
import { electronLifecycle } from '../../main/electron/lifecycle';
import { electronTransport } from '../../main/electron/net';
import { RESULTS_PREFIX, startContractServer, TRANSPORT_CONTRACT } from './http-transport-contract';

void electronLifecycle.whenReady().then(async () => {
  const server = await startContractServer();
  const transport = electronTransport(async () => null);
  const results: { name: string; error: string | null }[] = [];
  for (const c of TRANSPORT_CONTRACT) {
    const error = await c.run(transport, server).then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    results.push({ name: c.name, error });
  }
  await server.close();
  process.stdout.write(RESULTS_PREFIX + JSON.stringify(results) + '\n');
  electronLifecycle.exit(0);
});
