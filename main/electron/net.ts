// HTTP through Chromium's network stack (system proxy, PAC, OS certificates), on `net.request`
// rather than `net.fetch`: net.fetch rejects a manual redirect ("Redirect was cancelled") and never
// answers a proxy's request for a password. Its behaviour is pinned by the transport contract
// suite (test/contract/), which every transport passes.
import { net, type AuthInfo, type IncomingMessage } from 'electron';
import type { HttpTransport } from '../core/ports';
import type { ProxyPrompt } from '../core/proxy/proxy-credentials';
import { proxyLoginAnswerer } from '../core/proxy/proxy-login-answer';

/** Electron's transport; `askProxy` answers a proxy that wants a user name and password. */
export function electronTransport(askProxy: ProxyPrompt): HttpTransport {
  const answerProxy = proxyLoginAnswerer(askProxy);
  return Object.assign((url: string, init: RequestInit) => send(url, init, answerProxy), {
    label: "Electron's network stack (net.request)",
  });
}

function send(url: string, init: RequestInit, answerProxy: ReturnType<typeof proxyLoginAnswerer>): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<Response>((resolve, reject) => {
    const manual = init.redirect === 'manual';
    const request = net.request({
      url,
      method: init.method ?? 'GET',
      redirect: manual ? 'manual' : 'follow',
      credentials: 'omit',
      useSessionCookies: false,
    });
    let settled = false;
    let failBody: ((error: unknown) => void) | undefined;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    const onAbort = () => {
      request.abort();
      settle(() => reject(signal?.reason));
      failBody?.(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    for (const [name, value] of new Headers(init.headers)) request.setHeader(name, value);

    // Manual: hand back the 3xx with its Location, as fetch does, and go no further.
    request.on('redirect', (status, _method, redirectUrl, headers) => {
      if (!manual) return request.followRedirect();
      const location = headers.location?.[0] ?? redirectUrl;
      settle(() => resolve(new Response(null, { status, headers: toHeaders({ ...headers, location: [location] }) })));
      request.abort();
    });
    request.on('login', (authInfo: AuthInfo, callback: (username?: string, password?: string) => void) => {
      if (!authInfo.isProxy) return callback(); // a server's 401 comes back as a 401 response
      answerProxy(request, authInfo, callback);
    });
    request.on('response', (message) => {
      const { stream, fail } = bodyOf(message);
      failBody = fail;
      const empty = message.statusCode === 204 || message.statusCode === 304 || init.method === 'HEAD';
      settle(() =>
        resolve(
          new Response(empty ? null : stream, {
            status: message.statusCode,
            statusText: message.statusMessage,
            headers: toHeaders(message.headers),
          }),
        ),
      );
    });
    request.on('error', (error: Error) => {
      const failure = signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error });
      settle(() => reject(failure));
      failBody?.(failure);
    });
    request.on('close', () => signal?.removeEventListener('abort', onAbort));
    if (init.body !== undefined && init.body !== null) request.write(bodyText(init.body));
    request.end();
  });
}

/** The response body as a web stream; `fail` ends it with an error (a timeout while the body arrives). */
function bodyOf(message: IncomingMessage): { stream: ReadableStream<Uint8Array>; fail: (error: unknown) => void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const end = (action: () => void) => {
    if (done) return;
    done = true;
    action();
  };
  message.on('data', (chunk: Buffer) => !done && controller.enqueue(new Uint8Array(chunk)));
  message.on('end', () => end(() => controller.close()));
  message.on('error', (error: Error) => end(() => controller.error(new TypeError('terminated', { cause: error }))));
  // Electron emits 'close' without 'end' when the response was cut off.
  (message as unknown as NodeJS.EventEmitter).on('close', () =>
    end(() => controller.error(new TypeError('terminated', { cause: new Error('net::ERR_CONNECTION_CLOSED') }))),
  );
  return { stream, fail: (error) => end(() => controller.error(error)) };
}

function toHeaders(raw: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  return headers;
}

function bodyText(body: NonNullable<RequestInit['body']>): string | Buffer {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('This transport sends text, form and byte bodies only.');
}
