import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { nodeFetchTransport } from '../../../main/core/http/node-fetch-transport';
import { describeTimings, phasesFromResourceTiming } from '../../../main/core/ping/timings';
import type { HttpTransport } from '../../../main/core/ports';

const entry = {
  fetchStart: 100,
  domainLookupStart: 100,
  domainLookupEnd: 100,
  connectStart: 100,
  connectEnd: 100,
  secureConnectionStart: 100,
  requestStart: 112,
  responseStart: 150,
  responseEnd: 155,
};

describe('timings', () => {
  it('merges DNS, connect and TLS when the transport leaves them at the start (Node 20)', () => {
    expect(phasesFromResourceTiming(entry)).toEqual({
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
      setupMs: 12,
      firstByteMs: 38,
      downloadMs: 5,
    });
  });

  it('reports each phase where the transport measures them', () => {
    const full = { ...entry, domainLookupEnd: 103, connectStart: 103, secureConnectionStart: 106, connectEnd: 111 };
    expect(phasesFromResourceTiming(full)).toEqual({
      dnsMs: 3,
      connectMs: 3,
      tlsMs: 5,
      setupMs: null,
      firstByteMs: 38,
      downloadMs: 5,
    });
  });

  it("says total only, and why, for a transport without phases (Electron's net.fetch)", () => {
    const netFetch = Object.assign(async () => new Response(), {
      label: "Electron's network stack (net.fetch)",
    }) as HttpTransport;
    expect(describeTimings(netFetch, 42, null)).toEqual({
      totalMs: 42,
      transport: "Electron's network stack (net.fetch)",
      phases: [],
      note: "Total only: Electron's network stack (net.fetch) does not report the phases of a request.",
    });
  });

  it("Node's fetch transport gives real phases for a request it made", async () => {
    const server = createServer((_req, res) => res.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping?t=${Date.now()}`;
    try {
      const http = nodeFetchTransport();
      await (await http(url, {})).text();
      const timings = describeTimings(http, 10, (await http.timings?.(url)) ?? null);
      expect(timings.transport).toBe("Node's fetch (undici)");
      expect(timings.phases.map((p) => p.label)).toContain('Waiting for the first byte');
    } finally {
      server.close();
    }
  });
});
