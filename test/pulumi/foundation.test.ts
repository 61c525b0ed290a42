/**
 * The foundation's proof: the real Pulumi CLI with the real Keycloak provider plugin applies a
 * small program to the real Keycloak; the realm reads back as declared; a second preview shows
 * no change; destroy removes it.
 */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminClient, uniqueRealmName } from '../support/keycloak.ts';
import { pulumi } from '../support/pulumi.ts';

describe('pulumi up / preview / destroy of a small realm', () => {
  it('applies, holds, shows no diff, and destroys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'realmguard-small-realm-'));
    cpSync(resolve('test/pulumi/programs/small-realm'), dir, { recursive: true });
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    const realm = uniqueRealmName('small');
    const stack = 'test';

    expect((await pulumi(dir, ['stack', 'init', stack])).code).toBe(0);
    expect((await pulumi(dir, ['config', 'set', 'realm', realm])).code).toBe(0);
    const up = await pulumi(dir, ['up', '--yes', '--skip-preview']);
    expect(up.code, up.stderr + up.stdout).toBe(0);

    const admin = await adminClient();
    const read = await admin.realms.findOne({ realm });
    expect(read).toMatchObject({
      realm,
      sslRequired: 'external',
      accessTokenLifespan: 300,
      ssoSessionIdleTimeout: 1800,
      ssoSessionMaxLifespan: 36000,
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
    });

    const preview = await pulumi(dir, ['preview', '--expect-no-changes', '--diff']);
    expect(preview.code, preview.stdout).toBe(0);

    const destroy = await pulumi(dir, ['destroy', '--yes', '--skip-preview']);
    expect(destroy.code, destroy.stderr).toBe(0);
    expect(await admin.realms.findOne({ realm })).toBeFalsy();
  });
});
