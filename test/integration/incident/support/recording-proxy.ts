/**
 * An HTTP proxy between the tool and Keycloak that records every request (method + path) and can
 * fail chosen ones: answer 502, or reset the connection. The dry-run tests read its log to prove
 * no state-changing request was sent; the fault test lets it fail requests during a bulk run.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** html: a 200 with an HTML page, as a login portal or a misrouted proxy answers. */
export type Fault = 'pass' | 'bad-gateway' | 'reset' | 'hang' | 'html';

export interface RecordedRequest {
  method: string;
  path: string;
}

export interface RecordingProxy {
  url: string;
  log: RecordedRequest[];
  /** Decides per request; default: pass everything. */
  fault: (request: RecordedRequest, index: number) => Fault;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const proxy: RecordingProxy = { url: '', log: [], fault: () => 'pass', close: () => Promise.resolve() };
  const server: Server = createServer((incoming: IncomingMessage, outgoing) => {
    const recorded = { method: incoming.method ?? 'GET', path: incoming.url ?? '/' };
    const index = proxy.log.push(recorded) - 1;
    const fault = proxy.fault(recorded, index);
    if (fault === 'reset') {
      incoming.socket.destroy();
      return;
    }
    if (fault === 'hang') return;
    if (fault === 'html') {
      incoming.resume();
      outgoing.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please sign in</body></html>');
      return;
    }
    if (fault === 'bad-gateway') {
      incoming.resume();
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('injected fault');
      return;
    }
    const forward = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/** Requests that change state in Keycloak: everything but GETs, token requests and introspection. */
export function stateChanging(log: RecordedRequest[]): RecordedRequest[] {
  return log.filter(
    (request) => request.method !== 'GET' && !/\/protocol\/openid-connect\/token(\/introspect)?$/.test(request.path),
  );
}
