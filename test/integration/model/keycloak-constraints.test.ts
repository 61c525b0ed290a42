/**
 * The other half of test/unit/model/keycloak-constraints.test.ts: every row of CONSTRAINT_CASES
 * sends the offending representation to the real Keycloak through the admin REST API, and
 * Keycloak refuses it with the message the row names. Then the edges: what our loaders accept
 * (key sizes, secret sizes, curves, every password policy) Keycloak accepts too, and for a
 * corpus of redirect URIs Keycloak and our java.net.URI emulation give the same verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { loadRealmText } from '../../../model/load.ts';
import { PASSWORD_HASH_ALGORITHMS } from '../../../model/constraints/password-policy.ts';
import { CONSTRAINT_CASES, REDIRECT_URI_CORPUS, type KeycloakStep } from '../../support/keycloak-constraint-cases.ts';
import { adminClient, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
const created: string[] = [];

beforeAll(async () => {
  admin = await adminClient();
});
afterAll(async () => {
  for (const realm of created) await (admin as KcAdminClient | undefined)?.realms.del({ realm }).catch(() => undefined); // unset when beforeAll failed before it
});

async function freshRealm(): Promise<{ name: string; id: string }> {
  const name = uniqueRealmName('constraints');
  await admin.realms.create({ realm: name });
  created.push(name);
  return { name, id: (await admin.realms.findOne({ realm: name }))!.id! };
}

async function send(
  realm: { name: string; id: string },
  step: KeycloakStep,
): Promise<{ status: number; message: string }> {
  await admin.auth({
    grantType: 'password',
    clientId: 'admin-cli',
    username: keycloak().adminUser,
    password: keycloak().adminPassword,
  });
  const response = await fetch(`${keycloak().url}/admin/realms/${encodeURIComponent(realm.name)}${step.path}`, {
    method: step.method,
    headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(step.body(realm)),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { errorMessage?: string; error_description?: string }) : {};
  return { status: response.status, message: body.errorMessage ?? body.error_description ?? text };
}

describe('Keycloak 26.7 refuses every representation our loaders refuse', () => {
  for (const row of CONSTRAINT_CASES) {
    it(`${row.id} (${row.keycloakSource})`, async () => {
      const realm = await freshRealm();
      for (const step of row.keycloak.setup ?? []) expect(await send(realm, step)).toMatchObject({ status: 204 });
      const answer = await send(realm, row.keycloak.send);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.message).toContain(row.keycloak.refusal);
    });
  }
});

describe('what our loaders accept, Keycloak accepts', () => {
  let realm: { name: string; id: string };
  beforeAll(async () => {
    realm = await freshRealm();
  });
  const key = (providerId: string, config: Record<string, string>): KeycloakStep => ({
    method: 'POST',
    path: '/components',
    body: (target) => ({
      name: `${providerId}-${Object.values(config).join('-')}`,
      providerId,
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: target.id,
      config: Object.fromEntries(Object.entries(config).map(([name, value]) => [name, [value]])),
    }),
  });

  it('every key size, secret size and curve we allow, a negative priority, and algorithms Keycloak does not check', async () => {
    const steps = [
      ...['1024', '2048', '3072', '4096'].map((keySize) => key('rsa-generated', { keySize })),
      ...['16', '24', '32', '64', '128', '256', '512'].flatMap((secretSize) => [
        key('hmac-generated', { secretSize }),
        key('aes-generated', { secretSize }),
      ]),
      ...['P-256', 'P-384', 'P-521'].flatMap((curve) => [
        key('ecdsa-generated', { ecdsaEllipticCurveKey: curve }),
        key('ecdh-generated', { ecdhEllipticCurveKey: curve }),
      ]),
      ...['Ed25519', 'Ed448'].map((curve) => key('eddsa-generated', { eddsaEllipticCurveKey: curve })),
      key('rsa-generated', { priority: '-5', algorithm: 'ES256' }),
      key('hmac-generated', { algorithm: 'HS1' }),
    ];
    for (const step of steps)
      expect({ step: (step.body(realm) as { name: string }).name, ...(await send(realm, step)) }).toMatchObject({
        status: 201,
      });
  });

  it('every password policy we allow, with and without a value', async () => {
    const policies = [
      'length(12) and maxLength(128) and digits(1) and lowerCase(1) and upperCase(1) and specialChars(1) and passwordHistory(-1)',
      'passwordAge(365) and hashIterations(210000) and forceExpiredPasswordChange(90) and maxAuthAge(300) and recoveryCodesWarningThreshold(4)',
      'regexPattern(^[^<>]*$) and notUsername() and notEmail and notContainsUsername and length',
      'regexPattern(a*+b)',
      ...PASSWORD_HASH_ALGORITHMS.map((algorithm) => `hashAlgorithm(${algorithm})`),
    ];
    for (const passwordPolicy of policies) {
      expect({
        passwordPolicy,
        ...(await send(realm, { method: 'PUT', path: '', body: () => ({ passwordPolicy }) })),
      }).toMatchObject({ status: 204 });
    }
  });

  it('client session values equal to the SSO limits, and unbounded offline and access-token lifespans', async () => {
    expect(
      await send(realm, {
        method: 'PUT',
        path: '',
        body: () => ({
          ssoSessionIdleTimeout: 1800,
          ssoSessionMaxLifespan: 36000,
          clientSessionIdleTimeout: 1800,
          clientSessionMaxLifespan: 36000,
        }),
      }),
    ).toMatchObject({ status: 204 });
    const attributes = {
      'client.session.idle.timeout': '1800',
      'client.session.max.lifespan': '36000',
      'client.offline.session.idle.timeout': '99999999',
      'client.offline.session.max.lifespan': '99999999',
      'access.token.lifespan': '99999999',
    };
    expect(
      await send(realm, { method: 'POST', path: '/clients', body: () => ({ clientId: 'at-the-limit', attributes }) }),
    ).toMatchObject({ status: 201 });
  });

  it('URL attributes we accept: a backchannel URL relative to the server, a data: logo, mailto:, lists of request URIs', async () => {
    expect(
      await send(realm, {
        method: 'POST',
        path: '/clients',
        body: () => ({ clientId: 'urls', attributes: ACCEPTED_URL_ATTRIBUTES }),
      }),
    ).toMatchObject({ status: 201 });
    expect(weAccept('https://app.example.com/cb', ACCEPTED_URL_ATTRIBUTES)).toBe(true);
  });
});

describe('redirect URIs: Keycloak and our loader agree', () => {
  it('gives the same verdict for every URI of the corpus', async () => {
    const realm = await freshRealm();
    const verdicts = [];
    for (const [index, uri] of REDIRECT_URI_CORPUS.entries()) {
      const answer = await send(realm, {
        method: 'POST',
        path: '/clients',
        body: () => ({ clientId: `uri-${index}`, redirectUris: [uri] }),
      });
      verdicts.push({ uri, keycloakAccepts: answer.status === 201, weAccept: weAccept(uri) });
    }
    expect(verdicts.filter((verdict) => verdict.keycloakAccepts !== verdict.weAccept)).toEqual([]);
    // The corpus has both kinds.
    expect(new Set(verdicts.map((verdict) => verdict.keycloakAccepts))).toEqual(new Set([true, false]));
  });
});

const ACCEPTED_URL_ATTRIBUTES = {
  'backchannel.logout.url': '/realms/x/logout',
  'frontchannel.logout.url': 'https://app.example.com/logout',
  'jwks.url': 'http://127.0.0.1:8080/jwks',
  logoUri: 'data:image/png;base64,AAAA',
  policyUri: 'mailto:privacy@example.com',
  tosUri: 'https://app.example.com/tos',
  'request.uris': 'https://app.example.com/r1##https://app.example.com/r2',
};

function weAccept(uri: string, attributes: Record<string, string> = {}): boolean {
  const text = JSON.stringify({ realm: 'r', clients: [{ clientId: 'c', redirectUris: [uri], attributes }] });
  try {
    loadRealmText(text, 'uri.json');
    return true;
  } catch (error) {
    if (error instanceof InputError || error instanceof InputErrors) return false;
    throw error;
  }
}
