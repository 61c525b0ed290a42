/**
 * Local servers that misbehave on purpose — answer HTML, the wrong shape, endless bodies, or
 * nothing at all — and count what reached them. Plain http on loopback, or https with a given
 * certificate. Not a Keycloak: the real one is in the integration tests.
 */
import { execFileSync } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FakeServer {
  url: string;
  /** "METHOD path" of every request that reached a handler. */
  log: string[];
  /** When each of them arrived (Date.now()). */
  times: number[];
  /** TCP connections accepted (a TLS failure never reaches the handler). */
  connections: number;
  close(): Promise<void>;
}

/** A token answer, so the admin request behind it is what gets tested. */
export function tokenAnswer(_request: IncomingMessage, response: ServerResponse): void {
  response
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ access_token: 'fake-access-token-value', expires_in: 300 }));
}

export async function startServer(handler: Handler, tls?: { key: string; cert: string }): Promise<FakeServer> {
  const log: string[] = [];
  const times: number[] = [];
  const sockets = new Set<Socket>();
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    log.push(`${request.method} ${request.url}`);
    times.push(Date.now());
    handler(request, response);
  };
  const server: Server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener)
    : createHttpServer(listener);
  const fake: FakeServer = { url: '', log, times, connections: 0, close: () => Promise.resolve() };
  server.on('connection', (socket: Socket) => {
    fake.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A refused handshake is the client's business; keep the server quiet about it.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return fake;
}

export interface Certificates {
  dir: string;
  /** The test CA (trusted only through NODE_EXTRA_CA_CERTS). */
  caFile: string;
  /** Signed by the CA for DNS:localhost only. */
  localhost: { key: string; cert: string };
  /** Signed by the CA for localhost, but already expired. */
  expired: { key: string; cert: string };
  /** Self-signed for localhost. */
  selfSigned: { key: string; cert: string };
}

/** Generates the certificates with openssl (on the machine; see notes/offline-toolchain.md). */
export function makeCertificates(): Certificates {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-tls-'));
  const file = (name: string) => join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  writeFileSync(file('ext'), 'subjectAltName=DNS:localhost\n');
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-subj',
    '/CN=realmguard-test-ca',
    '-days',
    '2',
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('leaf.key'),
    '-out',
    file('leaf.csr'),
    '-subj',
    '/CN=localhost',
  );
  ssl(
    'x509',
    '-req',
    '-in',
    file('leaf.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('leaf.pem'),
    '-days',
    '2',
    '-extfile',
    file('ext'),
  );
  // -days -1: notAfter lies before notBefore, a day ago: expired.
  ssl(
    'x509',
    '-req',
    '-in',
    file('leaf.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('expired.pem'),
    '-days',
    '-1',
    '-extfile',
    file('ext'),
  );
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('self.key'),
    '-out',
    file('self.pem'),
    '-subj',
    '/CN=localhost',
    '-days',
    '2',
    '-addext',
    'subjectAltName=DNS:localhost',
  );
  const read = (name: string) => readFileSync(file(name), 'utf8');
  return {
    dir,
    caFile: file('ca.pem'),
    localhost: { key: read('leaf.key'), cert: read('leaf.pem') },
    expired: { key: read('leaf.key'), cert: read('expired.pem') },
    selfSigned: { key: read('self.key'), cert: read('self.pem') },
  };
}
