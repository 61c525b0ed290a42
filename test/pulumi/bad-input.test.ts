/**
 * A bad baseline fails `pulumi preview` with the loader's one-line message (file, line, key,
 * what to do) and no stack trace, and nothing is created.
 */
import { describe, expect, it } from 'vitest';
import { adminClient } from '../support/keycloak.ts';
import { expectCleanFailure, realmguardProject } from './support/realmguard-project.ts';

describe('bad input through the real program', () => {
  it('an unknown key in a baseline: the loader message, no stack trace, nothing created', async () => {
    const project = await realmguardProject('bad', 'realm: placeholder\ntokens:\n  accessTokenLifspan: 5m\n');
    try {
      const preview = await project.run(['preview']);
      expectCleanFailure(preview, /baseline\.yaml:3:\d+: .*accessTokenLifspan/);
      const up = await project.up();
      expectCleanFailure(up, /accessTokenLifspan/);
      expect(await (await adminClient()).realms.findOne({ realm: project.realm })).toBeFalsy();
    } finally {
      await project.destroy();
    }
  });

  it('a key size the provider cannot apply: our message with the file position, before anything is created', async () => {
    const project = await realmguardProject(
      'badkey',
      'realm: placeholder\nkeys:\n  providers:\n    - { name: k, type: rsa-generated, state: active, keySize: 3072 }\n',
    );
    try {
      const up = await project.up();
      expectCleanFailure(
        up,
        /baseline\.yaml:4:\d+: .*key 'k' has keySize 3072 — the Keycloak provider accepts 1024, 2048, 4096/,
      );
      expect(await (await adminClient()).realms.findOne({ realm: project.realm })).toBeFalsy();
    } finally {
      await project.destroy();
    }
  });
});
