/**
 * Every example baseline (the weak one excluded) applied by the real program with the real
 * Pulumi CLI and Keycloak provider: Keycloak holds every declared setting (the strict example's
 * client policy among them, read back through the admin API), a second preview
 * shows no change, no client secret is in the state in plaintext, and destroy removes it all.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminClient, keycloak } from '../support/keycloak.ts';
import { exampleBaseline, realmguardProject } from './support/realmguard-project.ts';
import { expectKeycloakHolds, readClientPolicies } from './support/read-back.ts';

const EXAMPLES = readdirSync(resolve(import.meta.dirname, '../../baselines')).filter(
  (file) => /\.ya?ml$/.test(file) && !file.startsWith('weak'),
);

describe.each(EXAMPLES)('example baseline %s', (file) => {
  it('applies, holds every declared setting, shows no change on a second preview, keeps secrets secret, destroys', async () => {
    const project = await realmguardProject(file.replace(/\.ya?ml$/, ''), exampleBaseline(file));
    try {
      const up = await project.up();
      expect(up.code, up.stdout + up.stderr).toBe(0);
      const baseline = await project.load();
      await expectKeycloakHolds(baseline);
      if (file === 'strict-fapi.yaml') {
        // Stated here, not derived from the baseline: the strict example's one client policy
        // puts every client of the realm under Keycloak's FAPI 2.0 DPoP profile.
        expect(await readClientPolicies(project.realm)).toEqual([
          {
            name: 'fapi-2-dpop',
            enabled: true,
            profiles: ['fapi-2-dpop-security-profile'],
            conditions: [{ condition: 'any-client' }],
          },
        ]);
      }

      const preview = await project.previewNoChanges();
      expect(preview.code, preview.stdout + preview.stderr).toBe(0);

      const exported = await project.run(['stack', 'export']);
      expect(exported.code, exported.stderr).toBe(0);
      const admin = await adminClient();
      let secretsChecked = 0;
      for (const client of baseline.settings.clients.filter(
        (candidate) => !candidate.publicClient && candidate.clientAuthenticatorType === 'client-secret',
      )) {
        const [live] = await admin.clients.find({ realm: project.realm, clientId: client.clientId });
        const secret = await admin.clients.getClientSecret({ realm: project.realm, id: live?.id ?? '' });
        expect(secret.value, `${client.clientId} has a secret`).toBeTruthy();
        expect(
          exported.stdout.includes(secret.value ?? '<none>'),
          `${client.clientId}'s secret in plaintext in the state`,
        ).toBe(false);
        secretsChecked += 1;
      }
      if (secretsChecked > 0) expect(exported.stdout).toContain('4dabf18193072939515e22adb298388d');
      // The admin credential the provider used is in neither the state nor any output.
      const { adminPassword } = keycloak();
      for (const [what, text] of [
        ['state', exported.stdout],
        ['up', up.stdout + up.stderr],
        ['preview', preview.stdout + preview.stderr],
      ] as const) {
        expect(text.includes(adminPassword), `the admin password in the ${what}`).toBe(false);
      }
    } finally {
      await project.destroy();
    }
    expect(await (await adminClient()).realms.findOne({ realm: project.realm })).toBeFalsy();
  });
});
