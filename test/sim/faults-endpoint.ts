// `/__sim/faults`: lets another process (an e2e test, a person with curl) flip fault switches.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultsInputError, parseFaults, type FaultSwitchboard } from './faults';
import { readBody, sendJson } from './http-util';

/** GET shows the switches, POST (JSON body of switches) changes some, DELETE resets them all. */
export async function handleFaultsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  faults: FaultSwitchboard,
): Promise<void> {
  try {
    if (req.method === 'POST') {
      const text = await readBody(req);
      let body: unknown;
      try {
        body = JSON.parse(text || '{}');
      } catch {
        throw new FaultsInputError('the body is not valid JSON');
      }
      faults.set(parseFaults(body));
    } else if (req.method === 'DELETE') {
      faults.reset();
    } else if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'use GET, POST or DELETE' }, { Allow: 'GET, POST, DELETE' });
      return;
    }
    sendJson(res, 200, faults.current);
  } catch (error) {
    const status = error instanceof FaultsInputError ? 400 : 500;
    sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
  }
}
