/**
 * Two realms from two baselines in one stack: both are applied without colliding (their clients
 * and keys share names), and removing one baseline from the stack's config destroys that realm
 * and leaves the other exactly as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { adminClient, uniqueRealmName } from '../support/keycloak.ts';
import { PUBLIC_APP_CLIENT, realmguardProject } from './support/realmguard-project.ts';
import { expectKeycloakHolds } from './support/read-back.ts';
import { loadBaseline } from '../../model/index.ts';

const BASELINE = `realm: placeholder
profile: baseline
tokens:
  accessTokenLifespan: 5m
keys:
  providers:
    - { name: signing, type: rsa-generated, state: active, algorithm: RS256, keySize: 2048 }
clients:
${PUBLIC_APP_CLIENT}`;

describe('two realms in one stack', () => {
  it('applies both without collisions; removing one baseline destroys only that realm', async () => {
    const project = await realmguardProject('two-a', BASELINE);
    const second = uniqueRealmName('two-b');
    const secondFile = join(project.dir, 'second.yaml');
    const secondDocument = YAML.parseDocument(BASELINE.replace('accessTokenLifespan: 5m', 'accessTokenLifespan: 4m'));
    secondDocument.set('realm', second);
    writeFileSync(secondFile, secondDocument.toString());
    const admin = await adminClient();
    try {
      const add = await project.run(['config', 'set', '--path', 'realmguard:baselines[1]', secondFile]);
      expect(add.code, add.stderr).toBe(0);
      const up = await project.up();
      expect(up.code, up.stdout + up.stderr).toBe(0);
      await expectKeycloakHolds(await project.load());
      await expectKeycloakHolds(await loadBaseline(secondFile));
      const firstBefore = await admin.realms.findOne({ realm: project.realm });

      const remove = await project.run(['config', 'rm', '--path', 'realmguard:baselines[1]']);
      expect(remove.code, remove.stderr).toBe(0);
      const list = await project.run(['config', 'get', 'realmguard:baselines', '--json']);
      expect(
        (JSON.parse(list.stdout) as { objectValue?: unknown }).objectValue ?? JSON.parse(list.stdout),
        list.stdout,
      ).toEqual([project.baselineFile]);
      const shrink = await project.up();
      expect(shrink.code, shrink.stdout + shrink.stderr).toBe(0);
      expect(
        await admin.realms.findOne({ realm: second }),
        `realm ${second} after its baseline was removed`,
      ).toBeFalsy();
      const firstAfter = await admin.realms.findOne({ realm: project.realm });
      expect(firstAfter).toEqual(firstBefore);
      await expectKeycloakHolds(await project.load());
      expect((await project.previewNoChanges()).code).toBe(0);
    } finally {
      await project.destroy();
      const leftover = await admin.realms.findOne({ realm: second });
      if (leftover) await admin.realms.del({ realm: second });
    }
  });
});
