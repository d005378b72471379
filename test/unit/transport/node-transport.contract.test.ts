// The transport contract (test/contract/) against Node's fetch, the Chromium shell's transport.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFetchTransport } from '../../../main/core/http/node-fetch-transport';
import { startContractServer, TRANSPORT_CONTRACT, type ContractServer } from '../../contract/http-transport-contract';

describe("HttpTransport contract: Node's fetch", () => {
  let server: ContractServer;
  beforeAll(async () => void (server = await startContractServer()));
  afterAll(() => server.close());
  for (const c of TRANSPORT_CONTRACT) it(c.name, () => c.run(nodeFetchTransport(), server));
});

describe('the contract catches the net.fetch defects it was written for', () => {
  let server: ContractServer;
  beforeAll(async () => void (server = await startContractServer()));
  afterAll(() => server.close());
  const byName = (start: string) => TRANSPORT_CONTRACT.find((c) => c.name.startsWith(start))!;

  it('fails a transport that rejects manual redirects ("Redirect was cancelled"), as net.fetch does', async () => {
    const netFetchLike = nodeFetchTransport((url, init) =>
      init?.redirect === 'manual'
        ? fetch(url, { ...init, redirect: 'error' }).catch(() => Promise.reject(new Error('Redirect was cancelled')))
        : fetch(url, init),
    );
    await expect(byName("redirect: 'manual'").run(netFetchLike, server)).rejects.toThrow('Redirect was cancelled');
  });

  it('fails a transport that reports a timeout during the body as a cut connection', async () => {
    const cutOff = nodeFetchTransport(async (url, init) => {
      const res = await fetch(url, { ...init, signal: null });
      const reader = res.body!.getReader();
      const body = new ReadableStream({
        pull: async (c) => {
          const next = await Promise.race([
            reader.read(),
            new Promise<never>((_, reject) =>
              init?.signal?.addEventListener('abort', () => reject(new TypeError('terminated'))),
            ),
          ]);
          if (next.done) c.close();
          else c.enqueue(next.value);
        },
      });
      return new Response(body, { status: res.status, headers: res.headers });
    });
    await expect(byName('a timeout while the body').run(cutOff, server)).rejects.toThrow('classified as network');
  });
});
