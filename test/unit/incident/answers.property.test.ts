/**
 * Whatever a server answers, an action ends with a result — never a crash (issue 10, item 4: a
 * 200 with the wrong shape once gave "found.find is not a function"). A local server answers
 * every admin request with the next value fast-check draws: arbitrary JSON, or one of a grab bag
 * of nearly-right representations that lead the actions deeper. runAction lets anything but an
 * IncidentError through, so a crash fails the property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bumpTokenVersion,
  containRealm,
  containUser,
  createContext,
  disableClient,
  disableUser,
  IncidentHttp,
  listSessions,
  logoutRealm,
  logoutSession,
  logoutUser,
  notBefore,
  revokeToken,
  rotateClientSecret,
  rotateKeys,
  type ActionResult,
  type IncidentContext,
} from '../../../incident/index.ts';
import { startServer, tokenAnswer, type FakeServer } from './support/fake-server.ts';

const USER = '0b0e8f0e-0000-4000-8000-000000000001';
const FUTURE = 4102444800;
const EMPTY = Symbol('204 No Content');

/** Nearly-right answers per endpoint: what Keycloak sends, give or take, so the actions get deep. */
function plausible(method: string, path: string): unknown[] {
  const rules: Array<[RegExp, unknown[]]> = [
    [/\/token\/introspect$/, [{ active: true }, { active: false }]],
    [/\/certs$/, [{ keys: [{ kid: 'k2' }] }, { keys: [{ kid: 'k1' }] }]],
    [/\/users\?/, [[{ id: USER, username: 'alice', enabled: true, attributes: { token_version: ['1'] } }], []]],
    [
      /\/users\/[^/]+\/sessions$/,
      [[{ id: 's1', ipAddress: '127.0.0.1', start: 1, lastAccess: 2, clients: { c1: 'c' } }], []],
    ],
    [
      /\/users\/[^/]+\/consents$/,
      [
        [
          { clientId: '..', additionalGrants: [{ client: 'c1', key: 'Offline Token' }] },
          { clientId: 'x y', additionalGrants: [{ client: 'c2', key: 'Offline Token' }] },
        ],
        [],
      ],
    ],
    [/\/offline-sessions\//, [[{ id: 's2', clients: { c1: '..' } }], [{ id: '..' }], []]],
    [/\/users\/[^/?]+$/, [{ id: USER, username: 'alice', enabled: false, attributes: { token_version: ['2'] } }]],
    [
      /\/clients\?/,
      [[{ id: 'c1', clientId: 'c', enabled: true, publicClient: false, clientAuthenticatorType: 'client-secret' }]],
    ],
    [/\/client-secret$/, [{ type: 'secret', value: 'new-secret-value' }]],
    [/\/clients\/[^/?]+$/, [{ id: 'c1', clientId: 'c', enabled: false, notBefore: FUTURE }]],
    [
      /\/keys$/,
      [
        {
          keys: [
            { kid: 'k1', providerId: 'p1', algorithm: 'RS256', status: 'ACTIVE', providerPriority: 100, type: 'RSA' },
            { kid: 'k3', providerId: 'new-key', algorithm: 'RS256', status: 'ACTIVE', providerPriority: 200 },
          ],
        },
      ],
    ],
    [/\/components\?/, [[{ id: 'p1', name: 'rsa', providerId: 'rsa-generated', config: { keySize: ['2048'] } }]]],
    [/\/components\/[^/?]+$/, [{ id: 'p1', name: 'rsa', config: { active: ['true'] } }]],
    [
      /\/(push-revocation|logout-all)$/,
      [{ successRequests: ['http://a'], failedRequests: [] }, { failedRequests: ['http://b'] }, EMPTY],
    ],
    [/\/client-session-stats$/, [[], [{ clientId: 'c', active: '0', offline: '1' }]]],
    [/^\/admin\/realms\/[^/?]+$/, [{ notBefore: FUTURE }]],
  ];
  if (method !== 'GET' && !/introspect|push-revocation|logout-all|client-secret/.test(path)) return [EMPTY];
  return rules.find(([pattern]) => pattern.test(path))?.[1] ?? [EMPTY];
}

/** Per request: a nearly-right answer (chosen by index) three times in four, else arbitrary JSON. */
const answers = fc.array(
  fc.record({ plausible: fc.nat(3).map((n) => n > 0), index: fc.nat(5), json: fc.jsonValue({ maxDepth: 3 }) }),
  { maxLength: 40 },
);
type Drawn = { plausible: boolean; index: number; json: unknown };

let server: FakeServer;
let queue: Drawn[] = [];
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url?.endsWith('/protocol/openid-connect/token')) {
      tokenAnswer(request, response);
      return;
    }
    request.resume();
    const drawn = queue.shift() ?? { plausible: true, index: 0, json: null };
    const choices = plausible(request.method ?? 'GET', request.url ?? '/');
    const next = drawn.plausible ? choices[drawn.index % choices.length] : drawn.json;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (request.method === 'POST' && request.url?.endsWith('/components'))
      headers.location = `${server.url}/admin/realms/shop/components/new-key`;
    if (next === EMPTY) {
      response.writeHead(request.method === 'POST' && request.url?.endsWith('/components') ? 201 : 204, headers).end();
      return;
    }
    response.writeHead(200, headers).end(JSON.stringify(next));
  });
});
afterAll(async () => {
  await (server as FakeServer | undefined)?.close(); // unset when beforeAll failed before it
});

const SUSPECT = 'a.eyJ0eXAiOiJCZWFyZXIiLCJzdWIiOiJ1Iiwic2lkIjoicyIsImF6cCI6ImMifQ.b';

function context(withSuspect: boolean): IncidentContext {
  const http = new IncidentHttp(
    {
      url: server.url,
      authRealm: 'master',
      credentials: { grant: 'client_credentials', clientId: 'bot', clientSecret: 'bot-secret' },
    },
    { retries: 0, timeoutMs: 2000 },
  );
  return createContext(
    http,
    'shop',
    withSuspect ? { suspect: { token: SUSPECT, introspection: { clientId: 'i', clientSecret: 'i-secret' } } } : {},
  );
}

const ACTIONS: Array<[string, (ctx: IncidentContext) => Promise<ActionResult>]> = [
  ['sessions', (ctx) => listSessions(ctx, { user: 'alice' })],
  ['logout-user', (ctx) => logoutUser(ctx, { user: 'alice' })],
  ['logout-session', (ctx) => logoutSession(ctx, { user: USER, session: 's1' })],
  ['logout-realm', (ctx) => logoutRealm(ctx)],
  ['not-before realm', (ctx) => notBefore(ctx, {})],
  ['not-before client', (ctx) => notBefore(ctx, { client: 'c' })],
  ['disable-user', (ctx) => disableUser(ctx, { user: 'alice' })],
  ['disable-client', (ctx) => disableClient(ctx, { client: 'c' })],
  ['rotate-client-secret', (ctx) => rotateClientSecret(ctx, { client: 'c' })],
  ['bump-token-version', (ctx) => bumpTokenVersion(ctx, { user: 'alice' })],
  ['rotate-keys routine', (ctx) => rotateKeys(ctx, { mode: 'routine' })],
  ['rotate-keys emergency', (ctx) => rotateKeys(ctx, { mode: 'emergency', kid: 'k1' })],
  ['revoke-token', (ctx) => revokeToken(ctx, { token: 'a.eyJ0eXAiOiJSZWZyZXNoIiwiYXpwIjoiYyJ9.b', clientId: 'c' })],
  ['contain-user', (ctx) => containUser(ctx, { user: 'alice', disable: true })],
  ['contain-realm', (ctx) => containRealm(ctx, {})],
];

describe('any answer ends in a result, never a crash', () => {
  it.each(ACTIONS)('%s', async (_name, act) => {
    await fc.assert(
      fc.asyncProperty(answers, fc.boolean(), async (drawn, withSuspect) => {
        queue = [...drawn];
        const result = await act(context(withSuspect));
        expect(typeof result.ok).toBe('boolean');
        if (result.error !== undefined) {
          expect(result.error).not.toMatch(/is not a function|Cannot read propert|undefined is not/);
          expect(result.error.split('\n')).toHaveLength(1);
        }
      }),
      { numRuns: 60, seed: 4210 },
    );
  });
});
