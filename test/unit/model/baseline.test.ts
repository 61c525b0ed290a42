import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBaseline, loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { positionOf, type LoadedRealm } from '../../../model/realm-settings.ts';
import { clientPolicyProfileValues, keyProfileValues, realmProfileValues } from '../../../model/profiles.ts';
import { KEYCLOAK_DEFAULT_CLIENT_SCOPES } from '../../../model/keycloak-catalog.ts';

function client(realm: LoadedRealm, clientId: string) {
  const found = realm.settings.clients.find((candidate) => candidate.clientId === clientId);
  if (!found) throw new Error(`no client ${clientId}`);
  return found;
}

describe('baselines/hardened.yaml → model', () => {
  it('keeps explicit values, fills the rest from the baseline profile', async () => {
    const realm = await loadBaseline('baselines/hardened.yaml');
    const profile = realmProfileValues('baseline');
    expect(realm.profile).toBe('baseline');
    expect(realm.source.kind).toBe('baseline');
    expect(realm.settings).toMatchObject({
      realm: 'acme',
      accessTokenLifespan: 300,
      accessCodeLifespan: 60,
      revokeRefreshToken: true,
      ssoSessionIdleTimeout: 1_800,
      ssoSessionMaxLifespan: 36_000,
      offlineSessionMaxLifespan: 60 * 86_400,
      sslRequired: 'external',
      bruteForceProtected: true,
      failureFactor: 10,
      waitIncrementSeconds: 60,
      maxFailureWaitSeconds: 900,
      passwordPolicy: 'length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(3)',
      eventsEnabled: true,
      eventsExpiration: 90 * 86_400,
      eventsListeners: ['jboss-logging'],
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: true,
    });
    // Not in the file: from the profile.
    expect(realm.settings.accessTokenLifespanForImplicitFlow).toBe(profile.accessTokenLifespanForImplicitFlow);
    expect(realm.settings.enabledEventTypes).toEqual(profile.enabledEventTypes);
    expect(realm.settings.browserSecurityHeaders).toEqual(profile.browserSecurityHeaders);
    expect(realm.settings.clientPolicies).toEqual(clientPolicyProfileValues('baseline'));
  });

  it('maps key states: active signs, passive verifies, retired is gone', async () => {
    const realm = await loadBaseline('baselines/hardened.yaml');
    const keys = Object.fromEntries(realm.settings.keyProviders.map((key) => [key.name, key]));
    expect(Object.keys(keys)).toEqual(['rsa-2026-11', 'rsa-2026-05', 'rsa-enc-generated', 'hmac-generated-hs512']);
    expect(keys['rsa-2026-11']).toEqual({
      name: 'rsa-2026-11',
      providerId: 'rsa-generated',
      priority: 200,
      enabled: true,
      active: true,
      algorithm: 'RS256',
      keySize: 4096,
    });
    expect(keys['rsa-2026-05']).toMatchObject({
      enabled: true,
      active: false,
      passiveSince: '2026-11-01',
      keySize: 2048,
    });
    expect(keys['hmac-generated-hs512']).toMatchObject({
      providerId: 'hmac-generated',
      algorithm: 'HS512',
      secretSize: 128,
    });
  });

  it('maps client options to Keycloak fields and attribute keys', async () => {
    const realm = await loadBaseline('baselines/hardened.yaml');
    expect(client(realm, 'web-app')).toEqual({
      clientId: 'web-app',
      name: 'Acme web app',
      protocol: 'openid-connect',
      enabled: true,
      publicClient: false,
      bearerOnly: false,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      redirectUris: ['https://app.acme.example/callback'],
      webOrigins: ['https://app.acme.example'],
      clientAuthenticatorType: 'client-secret',
      fullScopeAllowed: false,
      defaultClientScopes: [...KEYCLOAK_DEFAULT_CLIENT_SCOPES],
      optionalClientScopes: ['address', 'phone', 'organization', 'offline_access', 'microprofile-jwt'],
      attributes: {
        'pkce.code.challenge.method': 'S256',
        'use.refresh.tokens': 'true',
        'dpop.bound.access.tokens': 'false',
        'tls.client.certificate.bound.access.tokens': 'false',
        'require.pushed.authorization.requests': 'false',
        'post.logout.redirect.uris': 'https://app.acme.example/logged-out',
      },
    });
    expect(client(realm, 'spa')).toMatchObject({
      publicClient: true,
      attributes: {
        'client.session.idle.timeout': '1800',
        'client.session.max.lifespan': '28800',
        'pkce.code.challenge.method': 'S256',
      },
    });
    expect(realm.settings.tokenVersionClaim).toEqual({
      attribute: 'token_version',
      claim: 'token_version',
      clients: ['web-app', 'spa'],
    });
  });

  it('remembers the line and column of every field it set, keyed by model path', async () => {
    const realm = await loadBaseline('baselines/hardened.yaml');
    const at = (...path: string[]) => positionOf(realm.source, path);
    expect(at('accessTokenLifespan')).toEqual({ file: 'baselines/hardened.yaml', line: 7, column: 3 });
    // Lines found in the file itself: the Nth line containing the text, and its column.
    const lines = readFileSync('baselines/hardened.yaml', 'utf8').split('\n');
    const lineOf = (text: string, nth = 1) => {
      let seen = 0;
      const index = lines.findIndex((line) => line.includes(text) && ++seen === nth);
      return { line: index + 1, column: lines[index]!.indexOf(text) + 1 };
    };
    expect(at('clients', 'web-app', 'redirectUris')).toMatchObject(lineOf('redirectUris:', 1));
    expect(at('clients', 'web-app', 'redirectUris', '0')).toMatchObject(lineOf('https://app.acme.example/callback'));
    expect(at('clients', 'web-app', 'attributes', 'post.logout.redirect.uris')).toMatchObject(
      lineOf('postLogoutRedirectUris:', 1),
    );
    expect(at('clients', 'spa', 'attributes', 'client.session.max.lifespan')).toMatchObject(
      lineOf('clientSessionMax: 8h'),
    );
    expect(at('keyProviders', 'rsa-2026-05', 'active')).toMatchObject(lineOf('state: passive'));
    expect(at('keyProviders', 'rsa-2026-11', 'keySize')).toMatchObject(lineOf('keySize: 4096'));
    // A field the profile filled points at its entity (the client's list item).
    expect(at('clients', 'spa', 'attributes', 'require.pushed.authorization.requests')).toMatchObject(
      lineOf('clientId: spa'),
    );
    // A realm field the profile filled points at its section, or at `realm:` without one.
    expect(at('accessTokenLifespanForImplicitFlow')).toMatchObject(lineOf('tokens:'));
    expect(at('permanentLockout')).toMatchObject(lineOf('bruteForce:'));
    expect(at('enabledEventTypes')).toMatchObject(lineOf('events:'));
    const tiny = loadBaselineText('# a comment\nrealm: tiny\n', 'tiny.yaml');
    expect(positionOf(tiny.source, ['sslRequired'])).toEqual({ file: 'tiny.yaml', line: 2, column: 1 });
    expect(positionOf(tiny.source, ['keyProviders', 'rsa-generated', 'keySize'])).toEqual({
      file: 'tiny.yaml',
      line: 2,
      column: 1,
    });
  });
});

describe('baselines/strict-fapi.yaml → model', () => {
  it('FAPI clients: DPoP or mTLS bound, PAR, private_key_jwt or client-x509', async () => {
    const realm = await loadBaseline('baselines/strict-fapi.yaml');
    expect(realm.profile).toBe('strict');
    expect(realm.settings.sslRequired).toBe('all');
    expect(realm.settings.defaultSignatureAlgorithm).toBe('PS256');
    expect(client(realm, 'payments-web')).toMatchObject({
      clientAuthenticatorType: 'client-jwt',
      attributes: {
        'dpop.bound.access.tokens': 'true',
        'tls.client.certificate.bound.access.tokens': 'false',
        'require.pushed.authorization.requests': 'true',
        'access.token.lifespan': '300',
      },
    });
    expect(client(realm, 'partner-api')).toMatchObject({
      clientAuthenticatorType: 'client-x509',
      standardFlowEnabled: false,
      serviceAccountsEnabled: true,
      attributes: {
        'tls.client.certificate.bound.access.tokens': 'false',
        'dpop.bound.access.tokens': 'true',
        'use.refresh.tokens': 'false',
      },
    });
    // FAPI 2.0's client policy applies to every client: the strict example has no public client.
    expect(realm.settings.clients.filter((each) => each.publicClient)).toEqual([]);
    expect(realm.settings.compromisedKeys).toEqual(['ps256-2025-03']);
    expect(realm.settings.clientPolicies).toEqual([
      { name: 'fapi-2-dpop', enabled: true, profiles: ['fapi-2-dpop-security-profile'] },
    ]);
    expect(realm.settings.keyProviders.find((key) => key.name === 'es256-2026-11')).toMatchObject({
      providerId: 'ecdsa-generated',
      algorithm: 'ES256',
      ellipticCurve: 'P-256',
    });
    expect(realm.settings.tokenVersionClaim).toEqual({
      attribute: 'token_version',
      claim: 'token_version',
      clients: ['*'],
    });
  });
});

describe('baselines/weak-legacy.yaml → model', () => {
  it('explicit weak values win over the profile', async () => {
    const realm = await loadBaseline('baselines/weak-legacy.yaml');
    expect(realm.settings).toMatchObject({
      sslRequired: 'none',
      accessTokenLifespan: 3_600,
      revokeRefreshToken: false,
      ssoSessionMaxLifespan: 0,
      eventsEnabled: false,
      defaultSignatureAlgorithm: 'HS256',
    });
    expect(client(realm, 'legacy-portal')).toMatchObject({
      implicitFlowEnabled: true,
      directAccessGrantsEnabled: true,
      redirectUris: ['*'],
    });
    expect(client(realm, 'legacy-portal').attributes['pkce.code.challenge.method']).toBeUndefined();
    expect(client(realm, 'partner-sso').attributes['pkce.code.challenge.method']).toBe('plain');
    expect(realm.settings.keyProviders.find((key) => key.name === 'rsa-legacy')?.keySize).toBe(1024);
    expect(realm.settings.browserSecurityHeaders.xFrameOptions).toBe('');
  });
});

describe('profile filling', () => {
  it('a file with only a realm name is the whole profile', () => {
    const baseline = loadBaselineText('realm: tiny\n', 'tiny.yaml');
    const strict = loadBaselineText('realm: tiny\nprofile: strict\n', 'tiny.yaml');
    const {
      realm: _a,
      keyProviders,
      compromisedKeys,
      clients,
      clientPolicies,
      clientProfiles,
      tokenVersionClaim,
      ...realmLevel
    } = baseline.settings;
    expect(realmLevel).toEqual(realmProfileValues('baseline'));
    expect(keyProviders).toEqual(keyProfileValues('baseline').defaultProviders);
    expect([compromisedKeys, clients, clientPolicies, clientProfiles, tokenVersionClaim]).toEqual([
      [],
      [],
      [],
      [],
      undefined,
    ]);
    expect(baseline.profile).toBe('baseline');
    expect(strict.settings.keyProviders).toEqual(keyProfileValues('strict').defaultProviders);
    expect(strict.settings.ssoSessionIdleTimeout).toBe(900);
    expect(strict.settings.clientPolicies).toEqual(clientPolicyProfileValues('strict'));
  });

  it('strict fills clients with DPoP, PAR and private_key_jwt; baseline with PKCE only', () => {
    const text = (profile: string) =>
      `realm: r\nprofile: ${profile}\nclients:\n  - clientId: c\n  - clientId: p\n    type: public\n`;
    const strict = loadBaselineText(text('strict'), 'r.yaml').settings.clients;
    const baseline = loadBaselineText(text('baseline'), 'r.yaml').settings.clients;
    expect(strict[0]).toMatchObject({
      clientAuthenticatorType: 'client-jwt',
      fullScopeAllowed: false,
      attributes: {
        'dpop.bound.access.tokens': 'true',
        'require.pushed.authorization.requests': 'true',
        'pkce.code.challenge.method': 'S256',
      },
    });
    expect(baseline[0]).toMatchObject({
      clientAuthenticatorType: 'client-secret',
      attributes: {
        'dpop.bound.access.tokens': 'false',
        'require.pushed.authorization.requests': 'false',
        'pkce.code.challenge.method': 'S256',
      },
    });
    expect(baseline[1]).toMatchObject({
      publicClient: true,
      clientAuthenticatorType: 'client-secret',
      attributes: { 'use.refresh.tokens': 'true' },
    });
  });

  it('an RSA key without an algorithm signs with the realm default algorithm', () => {
    const realm = loadBaselineText('realm: r\nprofile: strict\nkeys:\n  providers:\n    - name: k\n', 'r.yaml');
    expect(realm.settings.keyProviders).toEqual([
      {
        name: 'k',
        providerId: 'rsa-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'PS256',
        keySize: 4096,
      },
    ]);
  });

  it('events: listeners keep jboss-logging unless told not to', () => {
    const keep = loadBaselineText('realm: r\nevents:\n  listeners: [email]\n', 'r.yaml');
    const drop = loadBaselineText('realm: r\nevents:\n  listeners: [email]\n  jbossLogging: false\n', 'r.yaml');
    expect(keep.settings.eventsListeners).toEqual(['jboss-logging', 'email']);
    expect(drop.settings.eventsListeners).toEqual(['email']);
  });

  it('integer seconds and human durations mean the same', () => {
    const human = loadBaselineText(
      'realm: r\ntokens: { accessTokenLifespan: 10m }\nsessions: { ssoSessionMaxLifespan: 1d12h }\n',
      'r.yaml',
    );
    const seconds = loadBaselineText(
      'realm: r\ntokens: { accessTokenLifespan: 600 }\nsessions: { ssoSessionMaxLifespan: 129600 }\n',
      'r.yaml',
    );
    expect(human.settings).toEqual(seconds.settings);
  });
});

describe('loadBaseline on something else', () => {
  it('a realm export is named as such, not buried in unknown-key errors', async () => {
    await expect(loadBaseline('test/fixtures/exports/stock-realm.json')).rejects.toMatchObject({
      message: 'this is a Keycloak realm export, not a baseline',
      location: { file: 'test/fixtures/exports/stock-realm.json', line: 1, column: 1 },
    });
  });
});
