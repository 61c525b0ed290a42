/**
 * Drift, end to end: after `pulumi up` of the hardened example, `realmguard audit --baseline`
 * finds no drift (Keycloak's own generated keys are not drift). A hardened setting changed in
 * Keycloak behind Pulumi's back is reported, and only it; `pulumi refresh` + `pulumi up`
 * restores it.
 */
import { describe, expect, it } from 'vitest';
import { adminClient } from '../support/keycloak.ts';
import { exampleBaseline, realmguardProject } from './support/realmguard-project.ts';
import { realmguardCli } from './support/realmguard-cli.ts';

interface DriftJson {
  drift: { changes: Array<{ path: string[]; before: unknown; after: unknown; effect: string }> };
}

async function auditDrift(
  realm: string,
  baselineFile: string,
): Promise<{ code: number | null; changes: DriftJson['drift']['changes']; output: string }> {
  const audit = await realmguardCli([
    'audit',
    '--realm',
    realm,
    '--baseline',
    baselineFile,
    '--format',
    'json',
    '--fail-on',
    'none',
    '--fail-on-drift',
  ]);
  const output = audit.stdout + audit.stderr;
  const document = JSON.parse(audit.stdout) as DriftJson;
  return { code: audit.code, changes: document.drift.changes, output };
}

describe('drift after pulumi up', () => {
  it("reports nothing right after up, exactly the setting changed behind Pulumi's back, and refresh + up restores it", async () => {
    const project = await realmguardProject('drift', exampleBaseline('hardened.yaml'));
    const realm = project.realm;
    try {
      const up = await project.up();
      expect(up.code, up.stdout + up.stderr).toBe(0);

      const clean = await auditDrift(realm, project.baselineFile);
      expect(clean.changes, clean.output).toEqual([]);
      expect(clean.code, clean.output).toBe(0);

      const admin = await adminClient();
      const before = await admin.realms.findOne({ realm });
      expect(before?.accessTokenLifespan).toBe(300);
      await admin.realms.update({ realm }, { accessTokenLifespan: 3600 });

      const drifted = await auditDrift(realm, project.baselineFile);
      expect(drifted.code, drifted.output).toBe(1);
      expect(
        drifted.changes.map((change) => [change.path.join('.'), change.before, change.after, change.effect]),
      ).toEqual([['accessTokenLifespan', 300, 3600, 'weakens']]);

      const refresh = await project.run(['refresh', '--yes', '--skip-preview']);
      expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0);
      const restore = await project.up();
      expect(restore.code, restore.stdout + restore.stderr).toBe(0);
      expect((await admin.realms.findOne({ realm }))?.accessTokenLifespan).toBe(300);
      expect((await auditDrift(realm, project.baselineFile)).changes).toEqual([]);
    } finally {
      await project.destroy();
    }
  });
});
