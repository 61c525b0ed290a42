/**
 * A change to one of issue 14's entities is shown under that entity — the identity provider, the
 * group, the service account — as findings name them, not as a realm setting with a long path.
 */
import { describe, expect, it } from 'vitest';
import { diffRealm } from '../../../review/diff-realms.ts';
import { entityLabel } from '../../../cli/format/review/values.ts';
import { hardenedRealm } from '../../support/fixtures.ts';

describe('diff names the entity a change belongs to', () => {
  it('an identity provider: its alias, and the config key as the setting', () => {
    const before = hardenedRealm();
    const after = hardenedRealm();
    const idp = after.identityProviders?.find((provider) => provider.providerId === 'oidc');
    expect(idp).toBeDefined();
    idp!.config.validateSignature = 'false';
    const [change] = diffRealm(before, after);
    expect(change).toMatchObject({
      entity: { kind: 'identity-provider', id: idp!.alias },
      setting: 'config.validateSignature',
      effect: 'weakens',
    });
    expect(entityLabel(change!.entity)).toBe(`identity provider ${idp!.alias}`);
  });

  it('a group of the access part: its path, below the access collection', () => {
    const before = hardenedRealm();
    const after = hardenedRealm();
    const group = after.access?.groups[0];
    expect(group).toBeDefined();
    group!.roles.push({ client: 'realm-management', name: 'realm-admin' });
    const changes = diffRealm(before, after);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change.entity).toEqual({ kind: 'group', id: group!.path });
    expect(changes.some((change) => change.effect === 'weakens')).toBe(true);
  });
});
