import type { PingTimings } from '../../../preload/contract';
import type { HttpTransport, TransportTimings } from '../ports';

/** The subset of a PerformanceResourceTiming entry that Node's fetch fills in. */
export interface ResourceTimingLike {
  readonly fetchStart: number;
  readonly domainLookupStart: number;
  readonly domainLookupEnd: number;
  readonly connectStart: number;
  readonly connectEnd: number;
  readonly secureConnectionStart: number;
  readonly requestStart: number;
  readonly responseStart: number;
  readonly responseEnd: number;
}

const ms = (from: number, to: number) => (from > 0 && to >= from ? Math.round((to - from) * 10) / 10 : null);

/**
 * Turns a resource-timing entry into phases. Node 20's fetch leaves DNS, connect and TLS at the fetch's
 * start (it does not measure them apart), so those are then reported together as "connection set-up".
 */
export function phasesFromResourceTiming(e: ResourceTimingLike): TransportTimings {
  const separate = e.domainLookupEnd > e.domainLookupStart || e.connectEnd > e.connectStart;
  const tlsStart = e.secureConnectionStart > e.connectStart ? e.secureConnectionStart : 0;
  return {
    dnsMs: separate ? ms(e.domainLookupStart, e.domainLookupEnd) : null,
    connectMs: separate ? ms(e.connectStart, tlsStart || e.connectEnd) : null,
    tlsMs: separate && tlsStart ? ms(tlsStart, e.connectEnd) : null,
    setupMs: separate ? null : ms(e.fetchStart, e.requestStart),
    firstByteMs: ms(e.requestStart, e.responseStart),
    downloadMs: ms(e.responseStart, e.responseEnd),
  };
}

/** The timing panel's figures: total always, phases where the transport reports them, and which transport said so. */
export function describeTimings(http: HttpTransport, totalMs: number, phases: TransportTimings | null): PingTimings {
  const transport = http.label ?? 'The app’s network stack';
  if (!http.timings)
    return {
      totalMs,
      transport,
      phases: [],
      note: `Total only: ${transport} does not report the phases of a request.`,
    };
  if (!phases)
    return {
      totalMs,
      transport,
      phases: [],
      note: 'Total only: no phase figures were recorded for this request (it may have failed before an answer arrived).',
    };
  const named: [string, number | null][] = [
    ['DNS lookup', phases.dnsMs],
    ['Connect', phases.connectMs],
    ['TLS handshake', phases.tlsMs],
    ['Connection set-up (DNS, connect and TLS)', phases.setupMs],
    ['Waiting for the first byte', phases.firstByteMs],
    ['Download', phases.downloadMs],
  ];
  const list = named
    .filter((p): p is [string, number] => p[1] !== null)
    .map(([label, value]) => ({ label, ms: value }));
  const note =
    phases.setupMs !== null
      ? `${transport} does not tell DNS, connect and TLS apart, so they are shown together; a reused connection shows 0 ms.`
      : null;
  return { totalMs, transport, phases: list, note };
}
