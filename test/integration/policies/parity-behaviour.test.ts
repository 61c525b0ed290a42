/**
 * What the issue-14 parity rules' `why` texts say about Keycloak, shown on the real server:
 * how passwords are hashed by default, what verifyEmail and registrationAllowed do, and how the
 * OTP policy's code reuse and look-ahead window behave. Each test names the rule it backs.
 */
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { adminClient, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KeycloakAdminClient;
const realm = uniqueRealmName('rg-parity');
const CLIENT = 'parity-cli';
const REDIRECT = 'https://app.example.com/cb';
const PASSWORD = 'parity-Passw0rd-long';
/** The OTP secret as Keycloak stores it without an encoding: its UTF-8 bytes are the HMAC key. */
const OTP_SECRET = 'parity-otp-secret-0123456789';
const OTP_PERIOD = 30;

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({
    realm,
    enabled: true,
    clients: [
      {
        clientId: CLIENT,
        publicClient: true,
        directAccessGrantsEnabled: true,
        standardFlowEnabled: true,
        redirectUris: [REDIRECT],
      },
    ],
    users: [
      {
        username: 'otp-user',
        enabled: true,
        email: 'otp@example.com',
        emailVerified: true,
        firstName: 'Otp',
        lastName: 'User',
        credentials: [
          { type: 'password', value: PASSWORD, temporary: false },
          {
            type: 'otp',
            userLabel: 'parity',
            secretData: JSON.stringify({ value: OTP_SECRET }),
            credentialData: JSON.stringify({
              subType: 'totp',
              digits: 6,
              counter: 0,
              period: OTP_PERIOD,
              algorithm: 'HmacSHA1',
            }),
          },
        ],
      },
    ],
  });
});

afterAll(async () => {
  await (admin as KeycloakAdminClient | undefined)?.realms.del({ realm }).catch(() => undefined);
});

const realmUrl = () => `${keycloak().url}/realms/${realm}`;

async function passwordGrant(username: string, extra: Record<string, string> = {}) {
  const response = await fetch(`${realmUrl()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: CLIENT, username, password: PASSWORD, ...extra }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  return { status: response.status, body };
}

const claims = (jwt: string | undefined) =>
  JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The stored hash parameters of a user created under `passwordPolicy`. */
async function hashOf(username: string, passwordPolicy: string) {
  await admin.realms.update({ realm }, { passwordPolicy });
  const { id } = await admin.users.create({
    realm,
    username,
    enabled: true,
    credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
  });
  const [credential] = await admin.users.getCredentials({ realm, id });
  const data = JSON.parse(credential!.credentialData!) as {
    algorithm: string;
    hashIterations: number;
    additionalParameters?: Record<string, string[]>;
  };
  return data;
}

describe('password-hashing: how Keycloak 26 hashes passwords', () => {
  afterAll(async () => {
    await admin.realms.update({ realm }, { passwordPolicy: '' });
  });

  it('uses argon2id with 5 iterations and 7 MiB when the policy names nothing', async () => {
    const hash = await hashOf('hash-default', '');
    expect([hash.algorithm, hash.hashIterations]).toEqual(['argon2', 5]);
    expect(hash.additionalParameters).toMatchObject({ type: ['id'], memory: ['7168'], parallelism: ['1'] });
  });

  it('applies hashIterations alone to argon2 (so it can lower argon2 below 5)', async () => {
    const hash = await hashOf('hash-iterations-only', 'hashIterations(3)');
    expect([hash.algorithm, hash.hashIterations]).toEqual(['argon2', 3]);
  });

  it.each([
    ['pbkdf2-sha512', 210_000],
    ['pbkdf2-sha256', 600_000],
    ['pbkdf2', 1_300_000],
  ])("defaults %s to OWASP's minimum (%i iterations)", async (algorithm, iterations) => {
    const hash = await hashOf(`hash-${algorithm}`, `hashAlgorithm(${algorithm})`);
    expect([hash.algorithm, hash.hashIterations]).toEqual([algorithm, iterations]);
  });
});

describe('email-verification: what verifyEmail changes at login', () => {
  beforeAll(async () => {
    await admin.users.create({
      realm,
      username: 'unverified',
      email: 'unverified@example.com',
      firstName: 'Un',
      lastName: 'Verified',
      enabled: true,
      credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
    });
  });
  afterAll(async () => {
    await admin.realms.update({ realm }, { verifyEmail: false });
  });

  it('off (the default): an unproven address logs in, and the token says email_verified false', async () => {
    expect(await admin.realms.findOne({ realm })).toMatchObject({ verifyEmail: false });
    const { status, body } = await passwordGrant('unverified');
    expect(status).toBe(200);
    expect(claims(body.access_token)).toMatchObject({ email: 'unverified@example.com', email_verified: false });
  });

  it('on: the same user cannot finish logging in until the address is verified', async () => {
    await admin.realms.update({ realm }, { verifyEmail: true });
    const { status, body } = await passwordGrant('unverified');
    expect([status, body.error, body.error_description]).toEqual([400, 'invalid_grant', 'Account is not fully set up']);
  });
});

/** Cookies a response sets, as a Cookie header for the next request. */
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

describe('self-registration: what registrationAllowed opens', () => {
  const registrationPage = () =>
    fetch(
      `${realmUrl()}/protocol/openid-connect/registrations?${new URLSearchParams({
        client_id: CLIENT,
        response_type: 'code',
        scope: 'openid',
        redirect_uri: REDIRECT,
      }).toString()}`,
      { redirect: 'manual' },
    );
  afterAll(async () => {
    await admin.realms.update({ realm }, { registrationAllowed: false });
  });

  it('off (the default): no registration form', async () => {
    expect(await admin.realms.findOne({ realm })).toMatchObject({ registrationAllowed: false });
    const page = await registrationPage();
    expect(await page.text()).not.toContain('kc-register-form');
  });

  it('on: anyone can create an account and leaves logged in (a code for the client)', async () => {
    await admin.realms.update({ realm }, { registrationAllowed: true, verifyEmail: false });
    const page = await registrationPage();
    const html = await page.text();
    expect(html).toContain('kc-register-form');
    const action = /id="kc-register-form"[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(action).toBeDefined();
    const answer = await fetch(action!, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookiesOf(page) },
      body: new URLSearchParams({
        username: 'stranger',
        email: 'stranger@example.com',
        firstName: 'A',
        lastName: 'Stranger',
        password: PASSWORD,
        'password-confirm': PASSWORD,
      }),
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toMatch(new RegExp(`^${REDIRECT}\\?.*code=`));
    expect(await admin.users.find({ realm, username: 'stranger', exact: true })).toHaveLength(1);
  });
});

/** RFC 6238 TOTP (HMAC-SHA-1, 6 digits) for time step `step`. */
function totp(step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', Buffer.from(OTP_SECRET, 'utf8')).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/** The current time step, waiting for the next one when fewer than 10 s of this one are left. */
async function currentStep(): Promise<number> {
  const left = OTP_PERIOD - ((Date.now() / 1000) % OTP_PERIOD);
  if (left < 10) await sleep(left * 1000 + 200);
  return Math.floor(Date.now() / 1000 / OTP_PERIOD);
}

/** The status of a login with `code`, and Keycloak's error when it fails. */
/** Sets the realm's OTP policy, every field of it (a PUT with some of them resets the others). */
async function setOtpPolicy(changes: { otpPolicyLookAheadWindow?: number; otpPolicyCodeReusable?: boolean }) {
  const policy = {
    otpPolicyType: 'totp',
    otpPolicyAlgorithm: 'HmacSHA1',
    otpPolicyDigits: 6,
    otpPolicyPeriod: OTP_PERIOD,
    otpPolicyLookAheadWindow: 1,
    otpPolicyCodeReusable: false,
    ...changes,
  };
  await admin.realms.update({ realm }, policy);
  expect(await admin.realms.findOne({ realm })).toMatchObject(policy);
}

const otpLogin = async (code: string) => {
  const { status, body } = await passwordGrant('otp-user', { totp: code });
  return { status, error: body.error_description };
};
const ACCEPTED = { status: 200, error: undefined };
const REFUSED = { status: 400, error: 'Invalid user credentials' };

describe('the OTP policy, on a user with a TOTP credential (direct grant asks for the code)', () => {
  afterAll(async () => {
    await setOtpPolicy({});
  });

  it('a code is required: without one, or with a wrong one, the login fails', async () => {
    const noCode = await passwordGrant('otp-user');
    expect({ status: noCode.status, error: noCode.body.error_description }).toEqual(REFUSED);
    const step = await currentStep();
    const wrong = String((Number(totp(step)) + 1) % 1_000_000).padStart(6, '0');
    expect(await otpLogin(wrong)).toEqual(REFUSED);
  });

  it('otp-code-reuse: by default a used code is refused; with otpPolicyCodeReusable it works again', async () => {
    expect(await admin.realms.findOne({ realm })).toMatchObject({ otpPolicyCodeReusable: false });
    const code = totp(await currentStep());
    expect(await otpLogin(code)).toEqual(ACCEPTED);
    expect(await otpLogin(code)).toEqual(REFUSED);
    await setOtpPolicy({ otpPolicyCodeReusable: true });
    expect(await otpLogin(code)).toEqual(ACCEPTED);
    expect(await otpLogin(code)).toEqual(ACCEPTED);
  });

  it('otp-look-ahead: window w accepts TOTP codes up to w time steps before and after the current one', async () => {
    expect(await admin.realms.findOne({ realm })).toMatchObject({ otpPolicyLookAheadWindow: 1, otpPolicyPeriod: 30 });
    // Reusable codes, so each step's code can be tried under every window.
    const accepted: Record<number, number[]> = {};
    for (const window of [0, 1, 2]) {
      await setOtpPolicy({ otpPolicyCodeReusable: true, otpPolicyLookAheadWindow: window });
      const step = await currentStep();
      accepted[window] = [];
      for (const offset of [-3, -2, -1, 0, 1, 2, 3]) {
        if ((await otpLogin(totp(step + offset))).status === 200) accepted[window].push(offset);
      }
    }
    expect(accepted).toEqual({ 0: [0], 1: [-1, 0, 1], 2: [-2, -1, 0, 1, 2] });
  });
});

/** Where an authorization request of `clientId` with `redirectUri` gets: the login form, or Keycloak's refusal. */
async function authorize(clientId: string, redirectUri?: string): Promise<string> {
  const query = new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid' });
  if (redirectUri !== undefined) query.set('redirect_uri', redirectUri);
  const page = await fetch(`${realmUrl()}/protocol/openid-connect/auth?${query.toString()}`, { redirect: 'manual' });
  const html = await page.text();
  if (page.status === 200 && html.includes('kc-form-login')) return 'login form';
  return `${page.status} ${/class="instruction"[^>]*>([^<]*)</.exec(html)?.[1]?.trim() ?? '(no message)'}`;
}
const REFUSED_REDIRECT = '400 Invalid parameter: redirect_uri';

/** Where Keycloak's logout endpoint sends a browser with `postLogoutUri` (no session): there, or a refusal. */
async function logout(clientId: string, postLogoutUri: string): Promise<string> {
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: postLogoutUri });
  const page = await fetch(`${realmUrl()}/protocol/openid-connect/logout?${query.toString()}`, { redirect: 'manual' });
  return `${page.status} ${page.headers.get('location') ?? ''}`.trim();
}

async function createClient(clientId: string, extra: Record<string, unknown>) {
  await admin.clients.create({ realm, clientId, publicClient: true, directAccessGrantsEnabled: true, ...extra });
  const [created] = await admin.clients.find({ realm, clientId });
  return created!;
}

async function tokenRequest(form: Record<string, string>, origin?: string) {
  const response = await fetch(`${realmUrl()}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: origin ? { origin } : {},
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as Record<string, string | undefined>;
  return { status: response.status, allowOrigin: response.headers.get('access-control-allow-origin'), body };
}
const CLIENT_USER = 'client-user';
const userGrant = (clientId: string, extra: Record<string, string> = {}, origin?: string) =>
  tokenRequest(
    { grant_type: 'password', client_id: clientId, username: CLIENT_USER, password: PASSWORD, ...extra },
    origin,
  );

describe('OIDC clients: what Keycloak does with their URIs and scopes', () => {
  beforeAll(async () => {
    await admin.users.create({
      realm,
      username: CLIENT_USER,
      email: 'client-user@example.com',
      emailVerified: true,
      firstName: 'Client',
      lastName: 'User',
      enabled: true,
      credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
    });
  });

  it('redirect-uris-missing: a standard-flow client without redirect URIs is refused every authorization request', async () => {
    const created = await createClient('no-redirects', { standardFlowEnabled: true, redirectUris: [] });
    expect(created.redirectUris).toEqual([]);
    expect(await authorize('no-redirects', 'https://app.example.com/cb')).toBe(REFUSED_REDIRECT);
    expect(await authorize('no-redirects', `${realmUrl()}/account`)).toBe(REFUSED_REDIRECT);
    expect(await authorize('no-redirects')).toBe(REFUSED_REDIRECT);
  });

  it('redirect-uri-unresolvable: a relative URI resolves against rootUrl, without one against Keycloak itself', async () => {
    await createClient('relative', { redirectUris: ['/cb'], attributes: { 'post.logout.redirect.uris': '/bye' } });
    expect(await authorize('relative', `${keycloak().url}/cb`)).toBe('login form');
    expect(await authorize('relative', 'https://app.example.com/cb')).toBe(REFUSED_REDIRECT);
    expect(await logout('relative', `${keycloak().url}/bye`)).toBe(`302 ${keycloak().url}/bye`);
    expect(await logout('relative', 'https://app.example.com/bye')).toBe('400');

    await createClient('relative-rooted', { rootUrl: 'https://app.example.com', redirectUris: ['/cb'] });
    expect(await authorize('relative-rooted', 'https://app.example.com/cb')).toBe('login form');
    expect(await authorize('relative-rooted', `${keycloak().url}/cb`)).toBe(REFUSED_REDIRECT);

    // A rootUrl without a scheme is refused outright, so the rule need not judge one.
    await expect(
      createClient('root-without-scheme', { rootUrl: 'app.example.com', redirectUris: ['/cb'] }),
    ).rejects.toThrow('invalid_input');
  });

  it('redirect-uri-unresolvable: an entry without a scheme matches only its literal text', async () => {
    await createClient('schemeless', { redirectUris: ['app.example.com/cb'] });
    expect(await authorize('schemeless', 'https://app.example.com/cb')).toBe(REFUSED_REDIRECT);
    expect(await authorize('schemeless', 'http://app.example.com/cb')).toBe(REFUSED_REDIRECT);
    expect(await authorize('schemeless', 'app.example.com/cb')).toBe('login form');
  });

  it('web-origins-bare: an origin with a path or a trailing slash is stored but matches no Origin header', async () => {
    const cases = { 'origin-bare': 'https://app.example.com', 'origin-path': 'https://app.example.com/path' };
    const allowed: Record<string, string | null> = {};
    for (const [clientId, origin] of Object.entries({ ...cases, 'origin-slash': 'https://app.example.com/' })) {
      const created = await createClient(clientId, { redirectUris: [REDIRECT], webOrigins: [origin] });
      expect(created.webOrigins).toEqual([origin]);
      allowed[clientId] = (await userGrant(clientId, {}, 'https://app.example.com')).allowOrigin;
    }
    expect(allowed).toEqual({
      'origin-bare': 'https://app.example.com',
      'origin-path': null,
      'origin-slash': null,
    });
  });

  it('offline-access-optional: a client with the default optional offline_access gets an offline token by asking', async () => {
    const created = await createClient('asks-offline', { redirectUris: [REDIRECT] });
    expect(created.optionalClientScopes).toContain('offline_access');
    const plain = await userGrant('asks-offline');
    expect(claims(plain.body.refresh_token).typ).toBe('Refresh');
    const offline = await userGrant('asks-offline', { scope: 'openid offline_access' });
    expect(claims(offline.body.refresh_token).typ).toBe('Offline');
    // The offline token outlives the user's SSO sessions: ended one by one, a second later (Keycloak's
    // "log out user" would also set the user's not-before, which makes every earlier token stale).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [user] = await admin.users.find({ realm, username: CLIENT_USER, exact: true });
    for (const session of await admin.users.listSessions({ realm, id: user!.id! }))
      await admin.realms.removeSession({ realm, sessionId: session.id! });
    expect(await admin.users.listSessions({ realm, id: user!.id! })).toEqual([]);
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'asks-offline',
      refresh_token: offline.body.refresh_token!,
    });
    expect(refreshed.status).toBe(200);
    const replayed = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'asks-offline',
      refresh_token: plain.body.refresh_token!,
    });
    expect(replayed.status).toBe(400);
    // "Log out user" is stronger: it sets the user's not-before, so the offline token issued earlier is stale.
    await admin.users.logout({ realm, id: user!.id! });
    const afterLogout = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'asks-offline',
      refresh_token: offline.body.refresh_token!,
    });
    expect(afterLogout.body.error_description).toBe('Stale token');
  });

  it('token-exchange-public: Keycloak keeps the switch on a public client but refuses its exchanges', async () => {
    const attribute = 'standard.token.exchange.enabled';
    const created = await createClient('exchange-public', {
      redirectUris: [REDIRECT],
      attributes: { [attribute]: 'true' },
    });
    expect(created.attributes?.[attribute]).toBe('true');
    const { body } = await userGrant('exchange-public');
    const exchange = await tokenRequest({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      client_id: 'exchange-public',
      subject_token: body.access_token!,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    });
    expect([exchange.status, exchange.body.error, exchange.body.error_description]).toEqual([
      400,
      'invalid_client',
      'Public client is not allowed to exchange token',
    ]);
  });
});

describe('why texts of earlier rules, checked against the server', () => {
  it('active-signing-key: with no active RS256 key Keycloak does not stop: it generates an undeclared fallback key and signs with it', async () => {
    const { id: realmId } = (await admin.realms.findOne({ realm }))!;
    const keyComponents = () =>
      admin.components.find({ realm, parent: realmId, type: 'org.keycloak.keys.KeyProvider' });
    const rsaSigners = (await keyComponents()).filter((component) => component.providerId === 'rsa-generated');
    expect(rsaSigners.length).toBeGreaterThan(0);
    for (const component of rsaSigners) {
      await admin.components.update(
        { realm, id: component.id! },
        { ...component, config: { ...component.config, active: ['false'] } },
      );
    }
    const { status, body } = await userGrant(CLIENT);
    expect(status).toBe(200);
    const fallback = (await keyComponents()).find((component) => component.name === 'fallback-RS256');
    expect(fallback?.config?.priority).toEqual(['-100']);
    const { kid } = JSON.parse(Buffer.from(body.access_token!.split('.')[0]!, 'base64url').toString('utf8')) as {
      kid: string;
    };
    const keys = await admin.realms.getKeys({ realm });
    expect(keys.keys?.find((key) => key.kid === kid)?.providerId).toBe(fallback?.id);
  });

  it('remember-me-session: with remember-me ticked, the login cookie outlives the browser session; without, it does not', async () => {
    await admin.realms.update({ realm }, { rememberMe: true });
    try {
      /** Max-Age of the KEYCLOAK_IDENTITY cookie after a form login (undefined: a browser-session cookie). */
      const identityCookieMaxAge = async (rememberMe: boolean) => {
        const query = new URLSearchParams({
          client_id: CLIENT,
          response_type: 'code',
          scope: 'openid',
          redirect_uri: REDIRECT,
        });
        const page = await fetch(`${realmUrl()}/protocol/openid-connect/auth?${query.toString()}`);
        const html = await page.text();
        expect(html).toContain('name="rememberMe"');
        const action = /id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
        const answer = await fetch(action!, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: cookiesOf(page) },
          body: new URLSearchParams({
            username: CLIENT_USER,
            password: PASSWORD,
            ...(rememberMe && { rememberMe: 'on' }),
          }),
        });
        expect(answer.status).toBe(302);
        const identity = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('KEYCLOAK_IDENTITY='));
        expect(identity).toBeDefined();
        return /Max-Age=(\d+)/i.exec(identity!)?.[1];
      };
      expect(await identityCookieMaxAge(false)).toBeUndefined();
      expect(Number(await identityCookieMaxAge(true))).toBeGreaterThan(0);
    } finally {
      await admin.realms.update({ realm }, { rememberMe: false });
    }
  });
});
