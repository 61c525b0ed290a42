/**
 * Transport that explains itself (issue 10, item 4), against local servers that misbehave on
 * purpose: TLS failures named and never retried, HTML and wrong shapes as one line naming the
 * endpoint, a size cap on answers, and one retry budget with a deadline for the whole command.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContext,
  IncidentError,
  IncidentHttp,
  logoutUser,
  runBulk,
  type AuthConfig,
} from '../../../incident/index.ts';
import { ENDPOINTS, requestSpec } from '../../../keycloak/endpoints.ts';
import { runCli } from '../review/run-cli.ts';
import {
  makeCertificates,
  startServer,
  tokenAnswer,
  type Certificates,
  type FakeServer,
} from './support/fake-server.ts';

const SECRET = 'transport-test-secret-0123';

function config(url: string): AuthConfig {
  return {
    url,
    authRealm: 'master',
    credentials: { grant: 'client_credentials', clientId: 'bot', clientSecret: SECRET },
  };
}

const servers: FakeServer[] = [];
async function serve(...args: Parameters<typeof startServer>): Promise<FakeServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

const usersSpec = requestSpec(ENDPOINTS.users, { realm: 'shop' }, { query: { username: 'alice', exact: true } });

async function failure(promise: Promise<unknown>): Promise<IncidentError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IncidentError) return error;
    throw error;
  }
  throw new Error('expected an IncidentError');
}

describe('TLS', () => {
  let certs: Certificates;
  beforeAll(() => {
    certs = makeCertificates();
  });

  it('a self-signed certificate is named, with how to trust a CA, and not retried', async () => {
    const server = await serve(tokenAnswer, certs.selfSigned);
    const http = new IncidentHttp(config(server.url), { retries: 3, minRetryDelayMs: 1 });
    const error = await failure(http.admin(usersSpec, 'shop'));
    expect(error.kind).toBe('tls');
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(
      /^TLS: the certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed/,
    );
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS=/path/to/ca.pem');
    expect(server.connections).toBe(1);
    expect(server.log).toEqual([]);
  });

  it('https:// to a server that speaks plain http is named, not retried', async () => {
    const server = await serve(tokenAnswer);
    const http = new IncidentHttp(config(server.url.replace('http:', 'https:')), { retries: 3, minRetryDelayMs: 1 });
    const error = await failure(http.admin(usersSpec, 'shop'));
    expect(error.message).toMatch(
      /^TLS: https:\/\/127\.0\.0\.1:\d+ does not speak TLS on that port \(ERR_SSL_WRONG_VERSION_NUMBER\) — is it an http:\/\/ endpoint\?$/,
    );
    expect(server.connections).toBe(1);
  });

  async function cli(url: string): Promise<{ code: number; stderr: string; stdout: string }> {
    const journal = join(mkdtempSync(join(tmpdir(), 'realmguard-tls-journal-')), 'journal.jsonl');
    return runCli(
      [
        'incident',
        'logout-user',
        '--realm',
        'shop',
        '--user',
        'alice',
        '--url',
        url,
        '--journal',
        journal,
        '--retries',
        '3',
      ],
      {
        env: {
          NODE_EXTRA_CA_CERTS: certs.caFile,
          KEYCLOAK_CLIENT_ID: 'bot',
          KEYCLOAK_CLIENT_SECRET: SECRET,
          KEYCLOAK_USER: '',
          KEYCLOAK_PASSWORD: '',
          KEYCLOAK_REALM: '',
        },
      },
    );
  }

  it('with the CA given in NODE_EXTRA_CA_CERTS the certificate is trusted; a host it does not name is refused by name', async () => {
    const server = await serve((request, response) => {
      if (request.url?.endsWith('/token')) {
        tokenAnswer(request, response);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    }, certs.localhost);
    const port = new URL(server.url).port;
    const trusted = await cli(`https://localhost:${port}`);
    expect(trusted.stderr).toMatch(/unknown user 'alice' in realm 'shop'/);
    const connectionsBefore = server.connections;
    const wrongHost = await cli(`https://127.0.0.1:${port}`);
    expect(wrongHost.code).toBe(1);
    expect(wrongHost.stderr).toMatch(
      /TLS: the certificate of https:\/\/127\.0\.0\.1:\d+ is not issued for 127\.0\.0\.1:\d+ \(ERR_TLS_CERT_ALTNAME_INVALID\)/,
    );
    expect(server.connections - connectionsBefore).toBe(1);
    expect(wrongHost.stderr).not.toContain(SECRET);
  });

  it('an expired certificate is named as such, once', async () => {
    const server = await serve(tokenAnswer, certs.expired);
    const run = await cli(`https://localhost:${new URL(server.url).port}`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /TLS: the certificate of https:\/\/localhost:\d+ is outside its validity period \(CERT_HAS_EXPIRED\)/,
    );
    expect(server.connections).toBe(1);
  });
});

describe('answers that are not what the endpoint gives', () => {
  it('a 200 with HTML is one line naming the endpoint and what came back, not retried', async () => {
    const server = await serve((request, response) => {
      if (request.url?.endsWith('/token')) {
        tokenAnswer(request, response);
        return;
      }
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body>Please\nsign in</body></html>');
    });
    const http = new IncidentHttp(config(server.url), { retries: 3, minRetryDelayMs: 1 });
    const result = await logoutUser(createContext(http, 'shop'), { user: 'alice' });
    expect(result.ok).toBe(false);
    expect(result.error).toBe(
      'GET /admin/realms/shop/users?username=alice&exact=true answered text/html that is not JSON ("<html><body>Please sign in</body></html>") — is KEYCLOAK_URL the root of a Keycloak server, not a proxy or login page?',
    );
    expect(server.log.filter((line) => line.startsWith('GET '))).toHaveLength(1);
  });

  it('a token endpoint answering HTML is named too', async () => {
    const server = await serve((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>portal</html>'),
    );
    const result = await logoutUser(createContext(new IncidentHttp(config(server.url), { retries: 0 }), 'shop'), {
      user: 'alice',
    });
    expect(result.error).toMatch(
      /^POST \/realms\/master\/protocol\/openid-connect\/token answered text\/html that is not JSON \("<html>portal<\/html>"\)/,
    );
  });

  it.each([
    ['{}', 'GET /admin/realms/shop/users?username=alice&exact=true answered an object, not a list of users'],
    [
      '["alice"]',
      'GET /admin/realms/shop/users?username=alice&exact=true answered a list whose item 0 is a string, not a list of users',
    ],
    ['[{"username":"alice","id":7}]', "answered an object whose 'id' is a number, not a list of users with ids"],
  ])('a wrongly shaped answer %s is one line', async (body, message) => {
    const server = await serve((request, response) => {
      if (request.url?.endsWith('/token')) {
        tokenAnswer(request, response);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    const result = await logoutUser(createContext(new IncidentHttp(config(server.url)), 'shop'), { user: 'alice' });
    expect(result.ok).toBe(false);
    expect(result.error).toContain(message);
  });

  it('an endless body is cut off at the cap with one clear error', async () => {
    let written = 0;
    const server = await serve((request, response) => {
      if (request.url?.endsWith('/token')) {
        tokenAnswer(request, response);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!response.destroyed && written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => undefined);
      pump();
    });
    const http = new IncidentHttp(config(server.url), {
      maxResponseBytes: 1024 * 1024,
      retries: 2,
      minRetryDelayMs: 1,
    });
    const error = await failure(http.admin(usersSpec, 'shop'));
    expect(error.kind).toBe('bad-answer');
    expect(error.message).toMatch(
      /^GET \/admin\/realms\/shop\/users\?username=alice&exact=true answered with a body larger than 1 MiB: stopped reading/,
    );
    // Stopped early: nowhere near the 512 MiB the server would have sent; and not retried.
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect(server.log.filter((line) => line.startsWith('GET '))).toHaveLength(1);
  });

  it('a declared Content-Length above the cap is refused before reading', async () => {
    const server = await serve((request, response) => {
      if (request.url?.endsWith('/token')) {
        tokenAnswer(request, response);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024 * 1024) });
      response.write('[');
    });
    const error = await failure(
      new IncidentHttp(config(server.url), { maxResponseBytes: 1024 * 1024 }).admin(usersSpec, 'shop'),
    );
    expect(error.message).toMatch(/larger than 1 MiB/);
  });
});

describe('one retry budget and a deadline for the whole command', () => {
  it('a server that never answers: the token request is not retried inside the admin request’s retries', async () => {
    const server = await serve(() => undefined);
    const http = new IncidentHttp(config(server.url), { timeoutMs: 300, retries: 3, minRetryDelayMs: 10 });
    const started = Date.now();
    const error = await failure(http.admin(usersSpec, 'shop'));
    const elapsed = Date.now() - started;
    expect(error.kind).toBe('timeout');
    // 1 attempt + 3 retries, each one token POST that times out: 4 requests, not 4 × 4.
    expect(server.log).toEqual(Array.from({ length: 4 }, () => 'POST /realms/master/protocol/openid-connect/token'));
    expect(elapsed).toBeLessThan(4 * 300 + 2000);
  });

  it('the deadline bounds the whole command, whatever the retries', async () => {
    const server = await serve(() => undefined);
    const http = new IncidentHttp(config(server.url), {
      timeoutMs: 400,
      retries: 50,
      minRetryDelayMs: 10,
      deadlineMs: 1000,
    });
    const started = Date.now();
    const result = await logoutUser(createContext(http, 'shop'), { user: 'alice' });
    const elapsed = Date.now() - started;
    expect(result.error).toMatch(
      /^deadline: the command's 1000 ms ran out at POST \/realms\/master\/protocol\/openid-connect\/token — raise --deadline/,
    );
    expect(elapsed).toBeLessThan(2000);
    expect(server.log.length).toBeLessThanOrEqual(4);
  });

  it('audit --retries and --deadline: against a server that never answers it ends within the deadline, exit 2', async () => {
    const server = await serve(() => undefined);
    const env = {
      KEYCLOAK_URL: server.url,
      KEYCLOAK_CLIENT_ID: 'bot',
      KEYCLOAK_CLIENT_SECRET: SECRET,
      KEYCLOAK_USER: '',
      KEYCLOAK_PASSWORD: '',
      KEYCLOAK_REALM: '',
    };
    const retries = await runCli(['audit', '--realm', 'shop', '--timeout', '500', '--retries', '1'], { env });
    expect(retries.code).toBe(2);
    expect(retries.stderr.trim().split('\n')).toHaveLength(1);
    expect(retries.stderr).toMatch(
      /timeout: http:\/\/127\.0\.0\.1:\d+ did not answer POST \/realms\/master\/protocol\/openid-connect\/token within 500 ms/,
    );
    // 1 + 1 retry of the first read, one token POST each.
    expect(server.log).toHaveLength(2);

    server.log.length = 0;
    server.times.length = 0;
    const run = await runCli(
      ['audit', '--realm', 'shop', '--timeout', '500', '--retries', '20', '--deadline', '2000'],
      { env },
    );
    const ended = Date.now();
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/deadline: the command's 2000 ms ran out|did not answer/);
    // 20 retries of 500 ms would take over 10 s; the deadline stops them (the process start is not counted).
    expect(server.log.length).toBeGreaterThanOrEqual(2);
    expect(server.log.length).toBeLessThanOrEqual(5);
    expect(ended - server.times[0]!).toBeLessThan(2000 + 1500);
  });
});

describe('the path listed is the path sent', () => {
  it('below a server URL with a path of its own (/auth), the listing carries it too', async () => {
    const server = await serve((request, response) => {
      if (request.url?.endsWith('/token')) {
        tokenAnswer(request, response);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    const result = await logoutUser(createContext(new IncidentHttp(config(`${server.url}/auth`)), 'shop'), {
      user: 'a b/..',
    });
    expect(result.error).toBe("unknown user 'a b/..' in realm 'shop': no user has that username or id");
    const listed = result.requests.map((request) => `${request.method} ${request.path}`);
    expect(listed).toEqual(['GET /auth/admin/realms/shop/users?username=a+b%2F..&exact=true']);
    expect(server.log.filter((line) => !line.endsWith('/token'))).toEqual(listed);
  });

  it('a redirect is not followed: one line, the listed request is the only one sent', async () => {
    const server = await serve((request, response) => {
      if (request.url?.endsWith('/token')) {
        tokenAnswer(request, response);
        return;
      }
      response.writeHead(302, { location: 'https://elsewhere.example/admin' }).end();
    });
    const result = await logoutUser(createContext(new IncidentHttp(config(server.url)), 'shop'), { user: 'alice' });
    expect(result.error).toMatch(
      /^302 redirect for GET \/admin\/realms\/shop\/users\?username=alice&exact=true: realmguard follows no redirect/,
    );
    expect(server.log.filter((line) => line.startsWith('GET '))).toHaveLength(1);
  });
});

describe('one retry budget per command', () => {
  it('once a request has spent its retries on a silent server, the next targets of a bulk run get one attempt each', async () => {
    const server = await serve(() => undefined);
    const http = new IncidentHttp(config(server.url), { timeoutMs: 200, retries: 3, minRetryDelayMs: 10 });
    const ctx = createContext(http, 'shop');
    const started = Date.now();
    const summary = await runBulk(['u1', 'u2', 'u3', 'u4', 'u5'], (user) => logoutUser(ctx, { user }), {
      concurrency: 1,
    });
    expect(summary.failed).toHaveLength(5);
    for (const failure of summary.failed)
      expect(failure.error).toMatch(
        /^timeout: http:\/\/127\.0\.0\.1:\d+ did not answer POST \/realms\/master\/protocol\/openid-connect\/token within 200 ms/,
      );
    // 4 attempts for the first user, 1 for each of the other four: 8 token requests, not 20.
    expect(server.log).toHaveLength(8);
    expect(Date.now() - started).toBeLessThan(8 * 200 + 2000);
  });
});
