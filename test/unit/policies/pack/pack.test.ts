import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { buildPolicies } from '../../../../policies/pack/policies.ts';
import {
  CLIENT_POLICY_TYPE,
  OPENID_CLIENT_TYPE,
  REALM_EVENTS_TYPE,
  REALM_TYPE,
} from '../../../../policies/pack/assemble.ts';
import { packTarget } from '../../../../policies/pack/targets.ts';
import { allRules } from '../../../../policies/rules/index.ts';
import { clientPolicyArgsFromSettings } from '../../../../model/provider-dialect.ts';
import { hardenedRealm, NOW } from '../../../support/fixtures.ts';
import { runPack, UNKNOWN, urnOf, validateResource, validateStack, type Resource } from './pack-args.ts';
import { stackOf } from './stacks.ts';

const policies = buildPolicies(allRules, () => NOW);
const policy = (name: string) => {
  const found = policies.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no policy ${name}`);
  return found;
};
const resourcePolicy = (name: string) => policy(name) as ResourceValidationPolicy;
const stackPolicy = (name: string) => policy(name) as StackValidationPolicy;

const RSA = 'keycloak:index/realmKeystoreRsaGenerated:RealmKeystoreRsaGenerated';
const realm = (props: Record<string, unknown>): Resource => ({
  type: REALM_TYPE,
  name: 'acme',
  props: { realm: 'acme', ...props },
});
const client = (name: string, props: Record<string, unknown>): Resource => ({
  type: OPENID_CLIENT_TYPE,
  name,
  props: {
    realmId: 'acme',
    clientId: name,
    accessType: 'CONFIDENTIAL',
    standardFlowEnabled: true,
    validRedirectUris: ['https://a.example.com/cb'],
    pkceCodeChallengeMethod: 'S256',
    ...props,
  },
});

describe('the policy pack', () => {
  it('has one policy per rule, with metadata from the rule', () => {
    expect(policies.map((entry) => entry.name).sort()).toEqual(allRules.map((rule) => rule.id).sort());
    for (const rule of allRules) {
      const entry = policy(rule.id);
      expect(entry.description).toContain(rule.title);
      expect(entry.severity).toBe(rule.severity === 'info' ? 'low' : rule.severity);
      expect(entry.framework?.name).toBe(rule.sources[0].document);
      expect(entry.framework?.reference).toBe(rule.sources[0].section);
      const fix = rule.remediation;
      expect(entry.remediationSteps).toContain('action' in fix ? fix.action : fix.baselineKey);
      expect(entry.url).toBe(rule.docsAnchor);
      expect(entry.enforcementLevel).toBe(
        rule.severity === 'critical' || rule.severity === 'high' ? 'mandatory' : 'advisory',
      );
      expect(Object.keys(entry.configSchema?.properties ?? {})).toEqual(
        expect.arrayContaining(['profile', ...Object.keys(rule.params.baseline)]),
      );
      expect('validateResource' in entry || 'validateStack' in entry).toBe(true);
    }
  });

  it('passes a hardened stack under both profiles (no violation from any policy)', async () => {
    const resources = stackOf(hardenedRealm());
    expect(await runPack(policies, resources)).toEqual([]);
    const strict = Object.fromEntries(allRules.map((rule) => [rule.id, { profile: 'strict' }]));
    // strict wants a client policy bound to a FAPI 2 / OAuth 2.1 profile: declare it.
    const withPolicy = [
      ...resources,
      {
        type: CLIENT_POLICY_TYPE,
        name: 'fapi-2',
        props: {
          realmId: 'hardened',
          ...clientPolicyArgsFromSettings({
            name: 'fapi-2',
            enabled: true,
            profiles: ['fapi-2-dpop-security-profile'],
          }),
        },
      },
    ];
    expect(await runPack(policies, withPolicy, strict)).toEqual([]);
  });

  it('reports an insecure stack, each violation on the resource that declares it', async () => {
    const settings = hardenedRealm();
    settings.sslRequired = 'none';
    settings.revokeRefreshToken = false;
    settings.eventsEnabled = false;
    const webApp = settings.clients.find((entry) => entry.clientId === 'web-app')!;
    webApp.implicitFlowEnabled = true;
    webApp.redirectUris = ['*'];
    delete webApp.attributes['dpop.bound.access.tokens'];
    const violations = await runPack(policies, stackOf(settings));
    const byPolicy = violations.map((violation) => `${violation.policy} ${violation.urn?.split('::').pop()}`).sort();
    expect(byPolicy).toEqual([
      'client-refresh-tokens web-app',
      'implicit-flow web-app',
      'login-events hardened-events',
      'redirect-uri-wildcard web-app',
      'refresh-token-rotation hardened',
      'sender-constrained-tokens web-app',
      'ssl-required hardened',
      'watch-events hardened-events',
    ]);
    expect(violations.find((violation) => violation.policy === 'ssl-required')?.message).toMatch(
      /sslRequired is 'none'.*\[ssl-required, sslRequired\]/,
    );
  });
});

describe('values unknown during preview', () => {
  it('a realm with unknown values raises no error and no violation for them', async () => {
    // A compliant realm whose deciding values are all unknown: none may be judged.
    const hardened = stackOf(hardenedRealm())[0]!.props;
    const props = {
      ...hardened,
      sslRequired: UNKNOWN,
      revokeRefreshToken: UNKNOWN,
      accessTokenLifespan: UNKNOWN,
      ssoSessionMaxLifespan: UNKNOWN,
      passwordPolicy: UNKNOWN,
      securityDefenses: UNKNOWN,
      offlineSessionMaxLifespanEnabled: UNKNOWN,
    };
    for (const rule of allRules.filter(
      (entry) => entry.category === 'realm' && !['login-events', 'admin-events', 'watch-events'].includes(entry.id),
    )) {
      await expect(validateResource(resourcePolicy(rule.id), realm(props)), rule.id).resolves.toEqual([]);
    }
  });

  it('a known violation on a resource is still reported beside unknown values', async () => {
    const violations = await validateResource(
      resourcePolicy('ssl-required'),
      realm({ sslRequired: 'none', revokeRefreshToken: UNKNOWN }),
    );
    expect(violations).toHaveLength(1);
    expect(
      await validateResource(
        resourcePolicy('refresh-token-rotation'),
        realm({ sslRequired: 'none', revokeRefreshToken: UNKNOWN }),
      ),
    ).toEqual([]);
    expect(
      await validateResource(resourcePolicy('refresh-token-rotation'), realm({ revokeRefreshToken: false })),
    ).toHaveLength(1);
  });

  it('a client with an unknown clientId and realmId is still judged on what is known', async () => {
    const unknownIds = client('spa', { clientId: UNKNOWN, realmId: UNKNOWN, implicitFlowEnabled: true });
    expect(await validateResource(resourcePolicy('implicit-flow'), unknownIds)).toHaveLength(1);
    expect(
      await validateResource(resourcePolicy('implicit-flow'), client('spa', { implicitFlowEnabled: UNKNOWN })),
    ).toEqual([]);
  });

  it('unknown client inputs never produce a violation', async () => {
    const props = {
      requireDpopBoundTokens: true,
      extraConfig: { 'require.pushed.authorization.requests': 'true' },
      accessType: UNKNOWN,
      validRedirectUris: [UNKNOWN, 'https://b.example.com/cb'],
      webOrigins: UNKNOWN,
      pkceCodeChallengeMethod: UNKNOWN,
      directAccessGrantsEnabled: UNKNOWN,
      accessTokenLifespan: UNKNOWN,
      fullScopeAllowed: false,
    };
    for (const rule of allRules.filter(
      // The stack policies among them (client-refresh-tokens, client-policy-profile, the offline-access scope rules) read other resources too.
      (entry) => entry.category === 'clients' && packTarget(entry).kind === 'resource',
    )) {
      await expect(validateResource(resourcePolicy(rule.id), client('app', props)), rule.id).resolves.toEqual([]);
    }
  });

  it('an unknown key size is not a violation; a known small one is', async () => {
    const key = (keySize: unknown): Resource => ({
      type: RSA,
      name: 'rsa-1',
      props: { realmId: UNKNOWN, name: 'rsa-1', algorithm: 'RS256', keySize },
    });
    expect(await validateResource(resourcePolicy('rsa-key-size'), key(UNKNOWN))).toEqual([]);
    expect(await validateResource(resourcePolicy('rsa-key-size'), key(1024))).toHaveLength(1);
  });

  it('stack policies skip a realm whose deciding value is unknown', async () => {
    const spa = client('spa', { accessType: 'PUBLIC', realmId: UNKNOWN });
    expect(
      await validateStack(stackPolicy('client-refresh-tokens'), [realm({ revokeRefreshToken: UNKNOWN }), spa]),
    ).toEqual([]);
    const violations = await validateStack(stackPolicy('client-refresh-tokens'), [
      realm({ revokeRefreshToken: false }),
      spa,
    ]);
    expect(violations).toEqual([{ message: expect.stringContaining('client spa') as unknown, urn: urnOf(spa) }]);
  });
});

describe('stack policies', () => {
  it('active-signing-key: the realm algorithm needs an active key of the realm', async () => {
    const key = (name: string, algorithm: string, active: boolean): Resource => ({
      type: RSA,
      name,
      props: { realmId: 'acme', name, algorithm, keySize: 3072, active },
    });
    const acme = realm({ defaultSignatureAlgorithm: 'PS256' });
    expect(await validateStack(stackPolicy('active-signing-key'), [acme, key('ps', 'PS256', true)])).toEqual([]);
    const violations = await validateStack(stackPolicy('active-signing-key'), [
      acme,
      key('ps', 'PS256', false),
      key('rs', 'RS256', true),
    ]);
    expect(violations).toEqual([{ message: expect.stringContaining('PS256') as unknown, urn: urnOf(acme) }]);
  });

  it("active-signing-key: Keycloak's own rsa-generated key signs RS256 when the stack's only RSA key is passive", async () => {
    const key = (name: string, active: boolean): Resource => ({
      type: RSA,
      name,
      props: { realmId: 'acme', name, algorithm: 'RS256', keySize: 3072, active },
    });
    const acme = realm({ defaultSignatureAlgorithm: 'RS256' });
    expect(await validateStack(stackPolicy('active-signing-key'), [acme, key('old', false)])).toEqual([]);
    // A PS256 realm still needs a PS256 key of the stack's: Keycloak's own keys sign RS256.
    expect(
      await validateStack(stackPolicy('active-signing-key'), [
        realm({ defaultSignatureAlgorithm: 'PS256' }),
        key('old', false),
      ]),
    ).toHaveLength(1);
  });

  it('groups resources by realm and leaves out those whose realm cannot be told', async () => {
    const other = { type: REALM_TYPE, name: 'other', props: { realm: 'other', revokeRefreshToken: true } };
    const spaAcme = client('spa-acme', { accessType: 'PUBLIC', realmId: 'acme' });
    const spaOther = client('spa-other', { accessType: 'PUBLIC', realmId: 'other' });
    const spaUnknown = client('spa-unknown', { accessType: 'PUBLIC', realmId: UNKNOWN });
    const violations = await validateStack(stackPolicy('client-refresh-tokens'), [
      realm({ revokeRefreshToken: false }),
      other,
      spaAcme,
      spaOther,
      spaUnknown,
    ]);
    expect(violations.map((violation) => violation.urn)).toEqual([urnOf(spaAcme)]);
  });

  it('client-policy-profile: required only under strict (from config or the stack tag)', async () => {
    const acme = realm({});
    expect(await validateStack(stackPolicy('client-policy-profile'), [acme])).toEqual([]);
    expect(await validateStack(stackPolicy('client-policy-profile'), [acme], { profile: 'strict' })).toHaveLength(1);
    expect(
      await validateStack(
        stackPolicy('client-policy-profile'),
        [acme],
        {},
        new Map([['realmguard:profile', 'strict']]),
      ),
    ).toHaveLength(1);
    const bound = {
      type: CLIENT_POLICY_TYPE,
      name: 'p',
      props: {
        realmId: 'acme',
        ...clientPolicyArgsFromSettings({ name: 'p', enabled: true, profiles: ['oauth-2-1-for-confidential-client'] }),
      },
    };
    expect(await validateStack(stackPolicy('client-policy-profile'), [acme, bound], { profile: 'strict' })).toEqual([]);
  });

  it('client-policy-profile: a policy without conditions selects no client in Keycloak, so it binds nothing', async () => {
    const acme = realm({});
    const policy = (conditions: unknown): Resource => ({
      type: CLIENT_POLICY_TYPE,
      name: 'p',
      props: {
        realmId: 'acme',
        name: 'p',
        enabled: true,
        profiles: ['oauth-2-1-for-confidential-client'],
        ...(conditions === undefined ? {} : { conditions }),
      },
    });
    expect(
      await validateStack(stackPolicy('client-policy-profile'), [acme, policy(undefined)], { profile: 'strict' }),
    ).toHaveLength(1);
    expect(
      await validateStack(stackPolicy('client-policy-profile'), [acme, policy([])], { profile: 'strict' }),
    ).toHaveLength(1);
    expect(
      await validateStack(stackPolicy('client-policy-profile'), [acme, policy([{ name: 'any-client' }])], {
        profile: 'strict',
      }),
    ).toEqual([]);
    // Conditions unknown during preview: they may select clients, so no violation is claimed.
    expect(
      await validateStack(stackPolicy('client-policy-profile'), [acme, policy(UNKNOWN)], { profile: 'strict' }),
    ).toEqual([]);
  });
});

describe('policy config', () => {
  it('overrides a threshold; ignores values of the wrong type', async () => {
    const acme = realm({ accessTokenLifespan: '10m0s' });
    expect(await validateResource(resourcePolicy('access-token-lifespan'), acme)).toEqual([]);
    expect(await validateResource(resourcePolicy('access-token-lifespan'), acme, { max: 300 })).toHaveLength(1);
    expect(await validateResource(resourcePolicy('access-token-lifespan'), acme, { max: 'short' })).toEqual([]);
  });

  it('compromised-key: names from the config never come back', async () => {
    const key: Resource = { type: RSA, name: 'rsa-2025', props: { realmId: 'acme', name: 'rsa-2025', active: false } };
    expect(await validateResource(resourcePolicy('compromised-key'), key)).toEqual([]);
    expect(await validateResource(resourcePolicy('compromised-key'), key, { compromisedKeys: ['rsa-2025'] })).toEqual([
      { message: expect.stringMatching(/key-provider rsa-2025: .*passive.*compromised/) as unknown },
    ]);
  });

  it('events policies judge the RealmEvents resource', async () => {
    const events: Resource = {
      type: REALM_EVENTS_TYPE,
      name: 'acme-events',
      props: { realmId: 'acme', eventsEnabled: true, adminEventsEnabled: false },
    };
    expect(await validateResource(resourcePolicy('admin-events'), events)).toHaveLength(1);
    expect(await validateResource(resourcePolicy('login-events'), events)).toEqual([]);
  });
});
