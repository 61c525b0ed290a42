/**
 * The full realm exports taken from the real Keycloak 26.7.3 (test/fixtures/exports/full-realm.ts
 * builds them; export-full-realms.ts writes them): what the rules say about the weak variant,
 * and that the hardened variant has nothing at medium or above.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadRealmFile } from '../../../model/load.ts';
import { severityRank } from '../../../policies/finding.ts';
import { runRules } from '../../../policies/run.ts';

/** The parts of a full export the issue-14 assertions read, as Keycloak writes them. */
interface ExportedRealm {
  browserFlow: string;
  registrationAllowed: boolean;
  verifyEmail: boolean;
  authenticationFlows: Array<{
    alias: string;
    authenticationExecutions: Array<{ authenticator?: string; requirement: string }>;
  }>;
  components: Record<string, Array<{ config: Record<string, string[]> }> | undefined>;
  clientScopes: Array<{ name: string; protocolMappers?: Array<{ config: Record<string, string> }> }>;
  users: Array<{ serviceAccountClientId?: string; clientRoles: Record<string, string[]> }>;
  groups: Array<{ subGroups: Array<{ path: string; clientRoles: Record<string, string[]> }> }>;
  roles: { client: Record<string, Array<{ name: string; composites?: unknown }> | undefined> };
}

const WEAK = 'test/fixtures/exports/full-weak.json';
const HARDENED = 'test/fixtures/exports/full-hardened.json';

async function findings(file: string) {
  const realms = await loadRealmFile(file);
  expect(realms.map((realm) => realm.settings.keycloakVersion)).toEqual(['26.7.3']);
  return runRules(realms).findings;
}

/** Every finding on the weak export: severity, rule, entity and which message. */
const WEAK_FINDINGS = [
  'critical idp-signature-validation @partner-saml saml',
  'critical redirect-uri-wildcard @web-app open',
  'critical ssl-required none',
  'high access-token-lifespan tooLong',
  'high client-refresh-tokens @account unprotected',
  'high client-refresh-tokens @account-console unprotected',
  'high client-refresh-tokens @admin-cli unprotected',
  'high client-refresh-tokens @security-admin-console unprotected',
  'high client-refresh-tokens @web-app unprotected',
  'high client-token-lifespan @orders-service tooLong',
  'high idp-signature-validation @corporate-oidc oidc',
  'high implicit-flow @web-app enabled',
  'high password-grant @admin-cli enabled',
  'high password-grant @web-app enabled',
  'high pkce-required @account missing',
  'high pkce-required @web-app missing',
  'high redirect-uri-scheme @web-app http',
  'high refresh-token-rotation off',
  'high user-attribute-exported-editable @customer scope',
  'high user-attribute-exported-editable @phone scope',
  'high user-attribute-exported-editable @web-app client',
  'info idp-sync-mode @corporate-oidc notForce',
  'info idp-sync-mode @partner-saml notForce',
  'info offline-access-optional @account optional',
  'info offline-access-optional @account-console optional',
  'info offline-access-optional @admin-cli optional',
  'info offline-access-optional @orders-service optional',
  'info offline-access-optional @security-admin-console optional',
  'info offline-access-optional @web-app optional',
  'info service-account-mixed @orders-service mixed',
  'low client-authentication @orders-service shared',
  'low email-verification off',
  'low full-scope-allowed @admin-cli full',
  'low full-scope-allowed @https://sp.example.com/saml/metadata full',
  'low full-scope-allowed @security-admin-console full',
  'low full-scope-allowed @web-app full',
  'low idp-mapper-sync @corporate-oidc notForce',
  'low idp-pkce @corporate-oidc missing',
  'low keycloak-version patchBehind',
  'low redirect-uri-wildcard @web-app dead',
  'low saml-assertion-encryption @https://sp.example.com/saml/metadata off',
  'low saml-assertion-signature @https://sp.example.com/saml/metadata responseOnly',
  'low saml-idp-encrypted-assertions @partner-saml off',
  'low saml-idp-signed-authn-requests @partner-saml unsigned',
  'low saml-one-time-use @https://sp.example.com/saml/metadata missing',
  'low self-registration on',
  'low sender-constrained-tokens @account bearer',
  'low sender-constrained-tokens @account-console bearer',
  'low sender-constrained-tokens @admin-cli bearer',
  'low sender-constrained-tokens @security-admin-console bearer',
  'low sender-constrained-tokens @web-app bearer',
  'low sensitive-role-composite @operator includes',
  'low sensitive-role-composite @orders-service/user-admin includes',
  'low sensitive-role-group @/staff holds',
  'low sensitive-role-group @/staff/helpdesk holds',
  'medium access-code-lifespan tooLong',
  'medium admin-events off',
  'medium browser-flow-second-factor @browser-with-otp missing',
  'medium brute-force-protection off',
  'medium login-events off',
  'medium offline-session-max unlimited',
  'medium password-policy tooShort',
  'medium redirect-uri-wildcard @account path',
  'medium redirect-uri-wildcard @account-console path',
  'medium redirect-uri-wildcard @orders-service path',
  'medium redirect-uri-wildcard @security-admin-console path',
  'medium redirect-uri-wildcard @web-app hostPath',
  'medium redirect-uri-wildcard @web-app path',
  'medium saml-client-signature @https://sp.example.com/saml/metadata notRequired',
  'medium saml-idp-post-binding @partner-saml redirect',
  'medium saml-redirect-uri-wildcard @https://sp.example.com/saml/metadata path',
  'medium saml-signature-algorithm @https://sp.example.com/saml/metadata sha1',
  'medium sensitive-role-service-account @orders-service direct',
  'medium sso-session-idle tooLong',
  'medium sso-session-max unlimited',
  'medium watch-events off',
  'medium web-origins-wildcard @web-app wildcard',
];

describe('the full realm exports from the real Keycloak', () => {
  it.each([WEAK, HARDENED])(
    '%s holds users, a service account, groups, roles, client scopes, OIDC and SAML identity providers and a SAML client',
    async (file) => {
      const realm = JSON.parse(await readFile(file, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
      expect(realm.users!.map((user) => user.serviceAccountClientId ?? user.username)).toEqual([
        'alice',
        'bob',
        'orders-service',
      ]);
      expect(realm.groups!.map((group) => group.name)).toEqual(['staff']);
      expect(realm.identityProviders!.map((idp) => idp.providerId).sort()).toEqual(['oidc', 'saml']);
      expect(realm.clients!.some((client) => client.protocol === 'saml')).toBe(true);
      expect((realm.roles as unknown as { realm: Array<{ name: string }> }).realm.map((role) => role.name)).toContain(
        'operator',
      );
      expect(realm.clientScopes!.length).toBeGreaterThan(0);
    },
  );

  it.each([
    [WEAK, { otp: 'DISABLED', unmanaged: 'ENABLED', saRole: 'realm-admin', registration: true, verifyEmail: false }],
    [HARDENED, { otp: 'REQUIRED', unmanaged: undefined, saRole: 'view-users', registration: false, verifyEmail: true }],
  ] as const)('%s holds the parts the issue-14 rules read, weak or hardened as built', async (file, expected) => {
    const realm = JSON.parse(await readFile(file, 'utf8')) as ExportedRealm;
    const flow = realm.authenticationFlows.find((candidate) => candidate.alias === 'browser-with-otp forms');
    expect(realm.browserFlow).toBe('browser-with-otp');
    expect(flow?.authenticationExecutions.find((step) => step.authenticator === 'auth-otp-form')?.requirement).toBe(
      expected.otp,
    );
    const profile =
      realm.components['org.keycloak.userprofile.UserProfileProvider']?.[0]?.config['kc.user.profile.config']?.[0];
    expect(
      profile === undefined
        ? undefined
        : (JSON.parse(profile) as { unmanagedAttributePolicy?: string }).unmanagedAttributePolicy,
    ).toBe(expected.unmanaged);
    const customer = realm.clientScopes.find((scope) => scope.name === 'customer');
    expect(customer?.protocolMappers?.map((mapper) => mapper.config['user.attribute'])).toEqual(['customerNumber']);
    expect(realm.users.find((user) => user.serviceAccountClientId === 'orders-service')?.clientRoles).toEqual({
      'realm-management': [expected.saRole],
    });
    expect(realm.groups[0]?.subGroups[0]).toMatchObject({
      path: '/staff/helpdesk',
      clientRoles: { 'orders-service': ['user-admin'] },
    });
    expect(realm.roles.client['orders-service']?.find((role) => role.name === 'user-admin')?.composites).toEqual({
      client: { 'realm-management': ['manage-users'] },
    });
    expect([realm.registrationAllowed, realm.verifyEmail]).toEqual([expected.registration, expected.verifyEmail]);
  });

  it.each([WEAK, HARDENED])('%s carries no secret: every secret is masked as Keycloak masks it', async (file) => {
    const text = await readFile(file, 'utf8');
    const secrets = [...text.matchAll(/"(secret|clientSecret)"\s*:\s*"([^"]*)"/g)].map((match) => match[2]);
    expect(secrets.length).toBeGreaterThan(0);
    expect(new Set(secrets)).toEqual(new Set(['**********']));
    expect(text).not.toContain('fixture-secret-not-real');
  });

  it('the weak export gives exactly these findings', async () => {
    const found = (await findings(WEAK))
      .map(
        (finding) =>
          `${finding.severity} ${finding.ruleId}${finding.entity ? ` @${finding.entity.id}` : ''} ${finding.messageId}`,
      )
      .sort();
    expect(found).toEqual(WEAK_FINDINGS);
  });

  it('the hardened export has no finding at medium or above', async () => {
    const found = await findings(HARDENED);
    expect(found.filter((finding) => severityRank(finding.severity) >= severityRank('medium'))).toEqual([]);
  });
});
