/**
 * The pack judges flows, the user profile and identity-provider mappers under the real Pulumi CLI
 * and Keycloak provider plugin: `pulumi preview --policy-pack` stops a stack whose browser flow
 * asks for a password only, whose identity provider auto-links first logins by email, whose user
 * profile lets users edit an attribute a client exports, and whose role mapper imports once, with
 * exactly those violations on the resources that declare them; the hardened variant passes. And
 * Keycloak is the judge of the pack's reading: after `pulumi up`, the flows, mappers and user
 * profile Keycloak holds are the ones the pack assembles from the same inputs.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readLiveRealm } from '../../model/live.ts';
import { identityProviderMapperFromInputs } from '../../model/provider-dialect/identity-provider-mappers.ts';
import { adminLiveSource } from '../support/live-source.ts';
import { adminClient, uniqueRealmName } from '../support/keycloak.ts';
import { pulumi } from '../support/pulumi.ts';
import { hardenedRealmProgram } from './programs/hardened-realm.ts';

/** The pack as users run it: compiled by `npm run build` (the suite's global setup builds it). */
const PACK = inject('pulumi').policyPack;

/** A violation line as the CLI prints it: `- [mandatory] [severity: high]  rule  (keycloak:type: name)`. */
const VIOLATION = /- \[(mandatory|advisory)\] \[severity: [a-z]+\]\s+([a-z0-9-]+)\s+\((keycloak:[^)]*)\)/g;

function violations(output: string): string[] {
  return [
    ...new Set([...output.matchAll(VIOLATION)].map(([, level, rule, resource]) => `${level} ${rule} ${resource}`)),
  ];
}

async function project(name: string, program: string, realm = uniqueRealmName(name)): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `realmguard-${name}-`));
  writeFileSync(
    join(dir, 'Pulumi.yaml'),
    `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
  );
  writeFileSync(join(dir, 'index.ts'), program);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0', main: 'index.ts' }));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const init = await pulumi(dir, ['stack', 'init', 'dev']);
  expect(init.code, init.stderr).toBe(0);
  expect((await pulumi(dir, ['config', 'set', 'realm', realm])).code).toBe(0);
  return dir;
}

/** A realm hardened for every other rule, with an SPA client and a hardened OIDC identity provider. */
const BASE = `${hardenedRealmProgram('flows')}
new keycloak.openid.UserAttributeProtocolMapper('tenant', {
  realmId: realm.id,
  clientId: spa.id,
  name: 'tenant',
  userAttribute: 'tenant',
  claimName: 'tenant',
});
const step = (name: string, parentFlowAlias: pulumi.Input<string>, authenticator: string, requirement: string, priority: number) =>
  new keycloak.authentication.Execution(name, { realmId: realm.id, parentFlowAlias, authenticator, requirement, priority });
`;

/** A copy of the browser flow, bound as the browser flow; the weak one asks for a password only. */
const browserFlow = (secondFactor: boolean) => `
const browser = new keycloak.authentication.Flow('browser-copy', { realmId: realm.id, alias: 'browser-copy' });
const cookie = step('browser-copy-cookie', browser.alias, 'auth-cookie', 'ALTERNATIVE', 10);
const forms = new keycloak.authentication.Subflow('browser-copy-forms', {
  realmId: realm.id, parentFlowAlias: browser.alias, alias: 'browser-copy forms', requirement: 'ALTERNATIVE', priority: 20,
}, { dependsOn: [cookie] });
const password = step('browser-copy-password', forms.alias, 'auth-username-password-form', 'REQUIRED', 10);
const otp = step('browser-copy-otp', forms.alias, 'auth-otp-form', '${secondFactor ? 'REQUIRED' : 'DISABLED'}', 20);
new keycloak.authentication.Bindings('bindings', { realmId: realm.id, browserFlow: browser.alias }, { dependsOn: [password, otp] });
`;

/** An identity provider whose first login flow links existing accounts by email, unverified (weak), or Keycloak's default (hardened). */
const identityProvider = (autoLink: boolean, syncMode: string) => `
${
  autoLink
    ? `const autoLink = new keycloak.authentication.Flow('auto-link', { realmId: realm.id, alias: 'auto-link' });
const create = step('auto-link-create', autoLink.alias, 'idp-create-user-if-unique', 'ALTERNATIVE', 10);
const link = step('auto-link-link', autoLink.alias, 'idp-auto-link', 'ALTERNATIVE', 20);`
    : ''
}
const corp = new keycloak.oidc.IdentityProvider('corp', {
  realm: realm.id,
  alias: 'corp',
  authorizationUrl: 'https://idp.example.com/authorize',
  tokenUrl: 'https://idp.example.com/token',
  jwksUrl: 'https://idp.example.com/jwks',
  clientId: 'acme',
  clientSecret: 'not-a-real-secret',
  validateSignature: true,
  syncMode: 'FORCE',
  extraConfig: { pkceEnabled: 'true', pkceMethod: 'S256' },
  ${autoLink ? 'firstBrokerLoginFlowAlias: autoLink.alias,' : ''}
}${autoLink ? ', { dependsOn: [create, link] }' : ''});
new keycloak.AttributeToRoleIdentityMapper('corp-admins', {
  realm: realm.id,
  identityProviderAlias: corp.alias,
  name: 'admins',
  claimName: 'groups',
  claimValue: 'admins',
  role: 'offline_access',
  extraConfig: { syncMode: '${syncMode}' },
});
new keycloak.HardcodedRoleIdentityMapper('corp-staff', {
  realm: realm.id,
  identityProviderAlias: corp.alias,
  name: 'staff',
  role: 'offline_access',
  extraConfig: { syncMode: 'IMPORT' },
});
`;

/** The user profile: users may edit undeclared attributes (weak), or only admins may (hardened). */
const userProfile = (policy: string) => `
new keycloak.RealmUserProfile('profile', {
  realmId: realm.id,
  unmanagedAttributePolicy: '${policy}',
  attributes: [
    { name: 'username', permissions: { views: ['admin', 'user'], edits: ['admin', 'user'] } },
    { name: 'email', permissions: { views: ['admin', 'user'], edits: ['admin', 'user'] } },
  ],
});
`;

const WEAK = BASE + browserFlow(false) + identityProvider(true, 'IMPORT') + userProfile('ENABLED');
const HARDENED = BASE + browserFlow(true) + identityProvider(false, 'FORCE') + userProfile('ADMIN_EDIT');

/** The violations this file is about, on the resources that declare what they judge. */
const EXPECTED = [
  'advisory browser-flow-second-factor keycloak:authentication:Flow: browser-copy',
  'mandatory idp-first-login-auto-link keycloak:oidc:IdentityProvider: corp',
  'mandatory user-attribute-exported-editable keycloak:openid:UserAttributeProtocolMapper: tenant',
  'advisory idp-mapper-sync keycloak:index:AttributeToRoleIdentityMapper: corp-admins',
];

describe('pulumi preview --policy-pack on flows, the user profile and identity-provider mappers', () => {
  it('stops the weak stack with exactly those violations, each on the resource that declares it; the hardened stack passes', async () => {
    const [weak, hardened] = await Promise.all([
      project('rg-flows-weak', WEAK),
      project('rg-flows-hardened', HARDENED),
    ]);
    const weakPreview = await pulumi(weak, ['preview', '--policy-pack', PACK]);
    const hardenedPreview = await pulumi(hardened, ['preview', '--policy-pack', PACK]);
    const weakOutput = weakPreview.stdout + weakPreview.stderr;
    const hardenedOutput = hardenedPreview.stdout + hardenedPreview.stderr;
    expect(weakOutput).not.toMatch(/can't run policy|unhandled|TypeError/);
    expect(hardenedOutput).not.toMatch(/can't run policy|unhandled|TypeError/);

    expect(hardenedPreview.code, hardenedOutput).toBe(0);
    expect(violations(hardenedOutput), hardenedOutput).toEqual([]);

    expect(weakPreview.code, weakOutput).not.toBe(0);
    expect(violations(weakOutput).sort(), weakOutput).toEqual([...EXPECTED].sort());
    expect(weakOutput).not.toContain('not-a-real-secret');
  });

  it('Keycloak holds the flows, mappers and user profile the pack reads from the same inputs', async () => {
    const realm = uniqueRealmName('rg-flows-applied');
    const dir = await project('rg-flows-applied', WEAK, realm);
    try {
      const up = await pulumi(dir, ['up', '--yes', '--skip-preview']);
      expect(up.code, up.stderr + up.stdout).toBe(0);
      const live = (await readLiveRealm(adminLiveSource(realm), realm)).settings;
      const flow = (alias: string) => live.authentication?.flows.find((candidate) => candidate.alias === alias);
      expect(live.authentication?.browserFlow).toBe('browser-copy');
      expect(flow('browser-copy')).toEqual({
        alias: 'browser-copy',
        topLevel: true,
        executions: [
          { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
          { subFlow: 'browser-copy forms', requirement: 'ALTERNATIVE' },
        ],
      });
      expect(flow('browser-copy forms')?.executions).toEqual([
        { authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
        { authenticator: 'auth-otp-form', requirement: 'DISABLED' },
      ]);
      expect(flow('auto-link')?.executions).toEqual([
        { authenticator: 'idp-create-user-if-unique', requirement: 'ALTERNATIVE' },
        { authenticator: 'idp-auto-link', requirement: 'ALTERNATIVE' },
      ]);
      const corp = live.identityProviders?.find((idp) => idp.alias === 'corp');
      expect(corp?.firstBrokerLoginFlowAlias).toBe('auto-link');
      const held = (name: string) => corp?.mappers.find((mapper) => mapper.name === name);
      const declared = (type: string, props: Record<string, unknown>) =>
        identityProviderMapperFromInputs(type, props, 'oidc', 'unnamed');
      expect(held('admins')).toEqual(
        declared('keycloak:index/attributeToRoleIdentityMapper:AttributeToRoleIdentityMapper', {
          name: 'admins',
          claimName: 'groups',
          claimValue: 'admins',
          role: 'offline_access',
          extraConfig: { syncMode: 'IMPORT' },
        }),
      );
      expect(held('staff')).toEqual(
        declared('keycloak:index/hardcodedRoleIdentityMapper:HardcodedRoleIdentityMapper', {
          name: 'staff',
          role: 'offline_access',
          extraConfig: { syncMode: 'IMPORT' },
        }),
      );
      // Keycloak's own list of mapper types: its hardcoded role mapper is the one idp-mapper-sync leaves out.
      const admin = await adminClient();
      const mapperTypes = await admin.identityProviders.findMapperTypes({ realm, alias: 'corp' });
      expect(Object.keys(mapperTypes)).toEqual(
        expect.arrayContaining(['oidc-hardcoded-role-idp-mapper', 'oidc-role-idp-mapper']),
      );
      expect(live.userProfile?.unmanagedAttributePolicy).toBe('ENABLED');
      expect(live.userProfile?.attributes).toEqual(['username', 'email']);
    } finally {
      const destroy = await pulumi(dir, ['destroy', '--yes', '--skip-preview']);
      expect(destroy.code, destroy.stderr).toBe(0);
    }
  });
});
