/**
 * The policy pack under the real Pulumi CLI and Keycloak provider plugin:
 * `pulumi preview --policy-pack dist/policy-pack` on a stack with an insecure realm stops on the
 * mandatory violations and prints the advisory ones; a hardened stack passes; and
 * `--policy-pack-config` turns a mandatory policy advisory.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { uniqueRealmName } from '../support/keycloak.ts';
import { pulumi } from '../support/pulumi.ts';
import { hardenedRealmProgram } from './programs/hardened-realm.ts';

/** The pack as users run it: compiled by `npm run build` (the suite's global setup builds it). */
const PACK = inject('pulumi').policyPack;

/**
 * A violation line as the Pulumi CLI prints it under the pack's heading, e.g.
 * `- [mandatory] [severity: critical]  ssl-required  (keycloak:index:Realm: insecure)`.
 */
function violation(level: 'mandatory' | 'advisory', policy: string, resource = '[^)]*'): RegExp {
  return new RegExp(
    `- \\[${level}\\] \\[severity: (critical|high|medium|low)\\]\\s+${policy}\\s+\\(keycloak:${resource}\\)`,
  );
}

/** The pack's heading in the preview output: realmguard at the package's version, loaded from the compiled folder. */
const PACK_HEADING = /realmguard@v0\.1\.0/;

/** A throwaway Pulumi project whose program is `program` (TypeScript, run by the language host's ts-node). */
async function project(name: string, program: string): Promise<string> {
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
  expect((await pulumi(dir, ['config', 'set', 'realm', uniqueRealmName(name)])).code).toBe(0);
  return dir;
}

const INSECURE = `
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
const realm = new keycloak.Realm('insecure', {
  realm: new pulumi.Config().require('realm'),
  sslRequired: 'none',                 // ssl-required: critical → mandatory
  revokeRefreshToken: false,           // refresh-token-rotation: high → mandatory
  accessCodeLifespan: '10m0s',         // access-code-lifespan: medium → advisory
});
new keycloak.openid.Client('spa', {
  realmId: realm.id,                   // unknown during preview: the pack must cope
  clientId: 'spa',
  accessType: 'PUBLIC',
  standardFlowEnabled: true,
  implicitFlowEnabled: true,           // implicit-flow: high → mandatory
  validRedirectUris: ['https://app.example.com/callback'],
  pkceCodeChallengeMethod: 'S256',
});
`;

const HARDENED = hardenedRealmProgram('hardened');

describe('pulumi preview --policy-pack dist/policy-pack', () => {
  it('stops an insecure realm on its mandatory violations and prints the advisory ones', async () => {
    const dir = await project('rg-policy-insecure', INSECURE);
    const preview = await pulumi(dir, ['preview', '--policy-pack', PACK]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code, output).not.toBe(0);
    expect(output).toMatch(PACK_HEADING);
    expect(output).toMatch(violation('mandatory', 'ssl-required', 'index:Realm: insecure'));
    expect(output).toMatch(violation('mandatory', 'refresh-token-rotation'));
    expect(output).toMatch(violation('mandatory', 'implicit-flow'));
    expect(output).toMatch(violation('advisory', 'access-code-lifespan'));
    expect(output).not.toMatch(/can't run policy/);
  });

  it('lets --policy-pack-config make a mandatory policy advisory', async () => {
    const dir = await project('rg-policy-config', INSECURE);
    const config = join(dir, 'policy-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        'ssl-required': 'advisory',
        'refresh-token-rotation': 'advisory',
        'implicit-flow': { enforcementLevel: 'disabled' },
      }),
    );
    const preview = await pulumi(dir, ['preview', '--policy-pack', PACK, '--policy-pack-config', config]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code, output).toBe(0);
    expect(output).toMatch(violation('advisory', 'ssl-required'));
    expect(output).not.toMatch(/implicit-flow/);
  });

  it('passes a hardened realm', async () => {
    const dir = await project('rg-policy-hardened', HARDENED);
    const preview = await pulumi(dir, ['preview', '--policy-pack', PACK]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code, output).toBe(0);
    expect(output).not.toMatch(/\[mandatory\]/);
  });

  it('takes rule parameters from --policy-pack-config: a tighter access-token limit fails the hardened realm', async () => {
    const dir = await project('rg-policy-params', HARDENED);
    const config = join(dir, 'policy-config.json');
    writeFileSync(config, JSON.stringify({ 'access-token-lifespan': { enforcementLevel: 'mandatory', max: 60 } }));
    const preview = await pulumi(dir, ['preview', '--policy-pack', PACK, '--policy-pack-config', config]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code, output).not.toBe(0);
    expect(output).toMatch(violation('mandatory', 'access-token-lifespan'));
    expect(output).toMatch(/Access tokens live 300 s \(5 min\); at most 60 s \(1 min\) is accepted/);
  });

  it.each([
    ['active', true],
    ['passive', false],
  ])('stops a preview that declares a compromised key %s', async (_state, active) => {
    const dir = await project(`rg-policy-compromised-${String(active)}`, HARDENED + compromisedKeyProgram(active));
    const config = join(dir, 'policy-config.json');
    writeFileSync(config, JSON.stringify({ 'compromised-key': { compromisedKeys: ['leaked-2026-11'] } }));
    const preview = await pulumi(dir, ['preview', '--policy-pack', PACK, '--policy-pack-config', config]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code, output).not.toBe(0);
    expect(output).toMatch(violation('mandatory', 'compromised-key'));
    expect(output).toMatch(/leaked-2026-11/);

    // The same stack without the compromised key listed passes: the key alone is not the violation.
    const clean = await pulumi(dir, ['preview', '--policy-pack', PACK]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  });

  it("reports no violation for values unknown at preview: a realm named after another resource's output", async () => {
    const program = hardenedRealmProgram(
      'hardened',
      "new keycloak.Realm('seed', { realm: new pulumi.Config().require('realm') + '-seed' }).id.apply((id) => id + '-main')",
    );
    const dir = await project('rg-policy-unknown', program);
    const preview = await pulumi(dir, ['preview', '--policy-pack', PACK]);
    const output = preview.stdout + preview.stderr;
    // The seed realm itself has Keycloak's defaults (e.g. no brute-force protection): its violations
    // are real. The main realm's settings are all known and hardened: nothing may be reported on it.
    expect(output).not.toMatch(/can't run policy|unhandled|TypeError/);
    expect(output).toMatch(violation('mandatory', '[a-z-]+', 'index:Realm: seed'));
    for (const resource of ['hardened', 'events', 'spa']) {
      for (const level of ['mandatory', 'advisory'] as const) {
        expect(output, `a violation reported on ${resource}`).not.toMatch(
          violation(level, '[a-z-]+', `[^)]*: ${resource}`),
        );
      }
    }
  });
});

/** A realm with two OpenID Connect identity providers: one whose token signatures Keycloak would not check, one hardened. */
const IDENTITY_PROVIDERS = `
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
const realm = new keycloak.Realm('brokering', { realm: new pulumi.Config().require('realm') });
const endpoints = {
  authorizationUrl: 'https://idp.example.com/authorize',
  tokenUrl: 'https://idp.example.com/token',
  clientId: 'acme',
  clientSecret: 'not-a-real-secret',
};
new keycloak.oidc.IdentityProvider('unchecked', {
  realm: realm.id,                     // unknown during preview: the pack must cope
  alias: 'unchecked',
  ...endpoints,
  validateSignature: false,            // idp-signature-validation: critical → mandatory
});
new keycloak.oidc.IdentityProvider('checked', {
  realm: realm.id,
  alias: 'checked',
  ...endpoints,
  jwksUrl: 'https://idp.example.com/jwks',
  validateSignature: true,
  syncMode: 'FORCE',
  extraConfig: { pkceEnabled: 'true', pkceMethod: 'S256' },
});
`;

describe('pulumi preview --policy-pack on identity providers', () => {
  it('stops an OpenID Connect identity provider whose signatures are not validated, and passes a hardened one', async () => {
    const dir = await project('rg-policy-idp', IDENTITY_PROVIDERS);
    const preview = await pulumi(dir, ['preview', '--policy-pack', PACK]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code, output).not.toBe(0);
    expect(output).not.toMatch(/can't run policy|unhandled|TypeError/);
    expect(output).toMatch(violation('mandatory', 'idp-signature-validation', 'oidc[^)]*: unchecked'));
    expect(output).toMatch(/validateSignature is 'false'/);
    expect(output).not.toContain('not-a-real-secret');
    for (const level of ['mandatory', 'advisory'] as const)
      expect(output, 'a violation reported on the hardened identity provider').not.toMatch(
        violation(level, '[a-z-]+', 'oidc[^)]*: checked'),
      );
  });
});

/** A second signing key on the hardened realm, by the name the policy config lists as compromised. */
function compromisedKeyProgram(active: boolean): string {
  return `
new keycloak.RealmKeystoreRsaGenerated('leaked', {
  realmId: realm.id,
  name: 'leaked-2026-11',
  active: ${String(active)},
  enabled: true,
  priority: 50,
  algorithm: 'RS256',
  keySize: 2048,
});
`;
}
