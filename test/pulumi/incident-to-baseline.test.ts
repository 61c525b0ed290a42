/**
 * The incident → baseline path, end to end: an emergency key rotation by `realmguard incident
 * rotate-keys --emergency` prints a baseline edit; with the edit applied, `pulumi up` does not
 * bring the compromised key back, and a second preview shows no change.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { adminClient, keycloak } from '../support/keycloak.ts';
import { PUBLIC_APP_CLIENT, realmguardProject } from './support/realmguard-project.ts';
import { realmguardCli } from './support/realmguard-cli.ts';
import { expectKeycloakHolds } from './support/read-back.ts';

const BASELINE = `realm: placeholder
profile: baseline
keys:
  providers:
    - { name: key-a, type: rsa-generated, state: active, algorithm: RS256, keySize: 2048 }
clients:
${PUBLIC_APP_CLIENT}`;

interface ProviderEntry {
  name: string;
  [key: string]: unknown;
}

/** Merges the edit into the baseline as its banner says: providers by name, compromised names added. */
function applyEdit(baselineText: string, editText: string): string {
  const baseline = YAML.parseDocument(baselineText);
  const edit = YAML.parse(editText) as { keys: { providers: ProviderEntry[]; compromised?: string[] } };
  const providers = (baseline.getIn(['keys', 'providers']) as YAML.YAMLSeq).toJSON() as ProviderEntry[];
  for (const entry of edit.keys.providers) {
    const index = providers.findIndex((provider) => provider.name === entry.name);
    if (index >= 0) providers[index] = entry;
    else providers.push(entry);
  }
  baseline.setIn(['keys', 'providers'], providers);
  const compromised = [
    ...(((baseline.getIn(['keys', 'compromised']) as YAML.YAMLSeq | undefined)?.toJSON() as string[] | undefined) ??
      []),
    ...(edit.keys.compromised ?? []),
  ];
  baseline.setIn(['keys', 'compromised'], compromised);
  return baseline.toString();
}

async function kidsOf(
  realm: string,
): Promise<Array<{ name: string | undefined; kid: string | undefined; status: string | undefined }>> {
  const admin = await adminClient();
  const components = await admin.components.find({ realm, type: 'org.keycloak.keys.KeyProvider' });
  const keys = (await admin.realms.getKeys({ realm })).keys ?? [];
  return keys.map((key) => ({
    name: components.find((component) => component.id === key.providerId)?.name,
    kid: key.kid,
    status: key.status,
  }));
}

describe('incident rotate-keys --emergency, then the baseline edit through pulumi up', () => {
  it('keeps the compromised key out and leaves a clean second preview', async () => {
    const project = await realmguardProject('incident-keys', BASELINE);
    const realm = project.realm;
    try {
      const up = await project.up();
      expect(up.code, up.stdout + up.stderr).toBe(0);
      const compromisedKid = (await kidsOf(realm)).find((key) => key.name === 'key-a')?.kid;
      expect(compromisedKid, 'key-a signs before the incident').toBeTruthy();

      const journal = join(mkdtempSync(join(tmpdir(), 'realmguard-journal-')), 'journal.jsonl');
      const rotate = await realmguardCli([
        'incident',
        'rotate-keys',
        '--realm',
        realm,
        '--emergency',
        '--provider',
        'key-a',
        '--name',
        'key-b',
        '--yes',
        '--json',
        '--journal',
        journal,
      ]);
      expect(rotate.code, rotate.stdout + rotate.stderr).toBe(0);
      const result = JSON.parse(rotate.stdout) as { ok: boolean; baselineEdit?: string };
      expect(result.ok).toBe(true);
      expect(result.baselineEdit, 'the action prints a baseline edit').toBeTruthy();
      expect((await kidsOf(realm)).map((key) => key.kid)).not.toContain(compromisedKid);
      expect(readFileSync(journal, 'utf8')).not.toContain(keycloak().adminPassword);

      project.writeBaseline(applyEdit(readFileSync(project.baselineFile, 'utf8'), result.baselineEdit ?? ''));
      const loaded = await project.load();
      expect(loaded.settings.compromisedKeys).toContain('key-a');
      const createdId = loaded.settings.keyProviders.find((key) => key.name === 'key-b')?.id;
      expect(createdId, 'the edit names the new key by its Keycloak id').toBeTruthy();

      // As the edit says: refresh (Keycloak no longer has key-a), then up.
      expect(result.baselineEdit).toMatch(/pulumi refresh/);
      const refresh = await project.run(['refresh', '--yes', '--skip-preview']);
      expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0);
      const apply = await project.up();
      expect(apply.code, apply.stdout + apply.stderr).toBe(0);
      const after = await kidsOf(realm);
      expect(
        after.map((key) => key.kid),
        'the compromised kid after pulumi up',
      ).not.toContain(compromisedKid);
      expect(
        after.map((key) => key.name),
        'a key named key-a after pulumi up',
      ).not.toContain('key-a');
      expect(
        after.filter((key) => key.name === 'key-b' && key.status === 'ACTIVE').length,
        'active key-b providers',
      ).toBe(1);
      const admin = await adminClient();
      const components = await admin.components.find({ realm, type: 'org.keycloak.keys.KeyProvider' });
      expect(
        components.filter((component) => component.name === 'key-b').map((component) => component.id),
        'key-b is the key the incident created, adopted',
      ).toEqual([createdId]);
      await expectKeycloakHolds(loaded);

      const preview = await project.previewNoChanges();
      expect(preview.code, preview.stdout + preview.stderr).toBe(0);
    } finally {
      await project.destroy();
    }
  });
});
