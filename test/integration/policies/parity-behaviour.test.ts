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
