/**
 * diff judges role grants with the policy config's sensitive-role lists: a role a team added to a
 * sensitive-role rule's list is a weakening grant for the holder that rule judges, and neutral
 * without the config (review/classify/sensitive-grants.ts).
 */
import { describe, expect, it } from 'vitest';
import { parsePolicyConfig } from '../../../policies/config.ts';
import { SENSITIVE_ROLES } from '../../../policies/sensitive-roles.ts';
import { diffRealm } from '../../../review/diff-realms.ts';
import { driftBetween } from '../../../review/drift.ts';
import { reviewChange } from '../../../review/review.ts';
import {
  BUILT_IN_SENSITIVE_ROLE_LISTS,
  HOLDER_RULES,
  sensitiveRoleLists,
} from '../../../review/classify/sensitive-grants.ts';
import { accessOf } from '../../support/entity-fixtures.ts';
import { changed, hardenedRealm, loaded } from '../../support/fixtures.ts';

const ORDERS_ADMIN = { name: 'orders-admin' };

const config = (yaml: string) => parsePolicyConfig(yaml, 'realmguard.yaml');
const groupExtended = config('rules:\n  sensitive-role-group: { additionalSensitiveRoles: [orders-admin] }\n');

const base = hardenedRealm();
/** The /staff group gains orders-admin (an application role, not on the built-in list). */
const head = changed(base, (realm) =>
  accessOf(realm)
    .groups.find((group) => group.path === '/staff')!
    .roles.push(ORDERS_ADMIN),
);

const staffChange = (changes: ReturnType<typeof diffRealm>) =>
  changes.find((change) => change.entity.kind === 'group' && change.entity.id === '/staff');

describe('the sensitive-role lists diff classifies with', () => {
  it('without a config: the built-in list, for every holder', () => {
    for (const holder of Object.keys(HOLDER_RULES) as Array<keyof typeof HOLDER_RULES>) {
      expect(BUILT_IN_SENSITIVE_ROLE_LISTS[holder]).toEqual({
        sensitiveRoles: SENSITIVE_ROLES,
        additionalSensitiveRoles: [],
      });
    }
  });

  it("with a config: each holder gets its own rule's list, overrides included", () => {
    const lists = sensitiveRoleLists('baseline', groupExtended);
    expect(lists.group.additionalSensitiveRoles).toEqual(['orders-admin']);
    expect(lists.serviceAccount.additionalSensitiveRoles).toEqual([]);
    const replaced = sensitiveRoleLists(
      'strict',
      config('rules:\n  sensitive-role-client: { sensitiveRoles: [orders-reader] }\n'),
    );
    expect(replaced.scopeMapping.sensitiveRoles).toEqual(['orders-reader']);
    expect(replaced.group.sensitiveRoles).toEqual(SENSITIVE_ROLES);
  });
});

describe('a grant of a configured role', () => {
  it('is neutral with the built-in list', () => {
    expect(staffChange(diffRealm(base, head))).toMatchObject({ after: 'orders-admin', effect: 'neutral' });
  });

  it("weakens with the config that lists it for the holder's rule, and its removal strengthens", () => {
    const lists = sensitiveRoleLists('baseline', groupExtended);
    expect(staffChange(diffRealm(base, head, {}, lists))).toMatchObject({
      after: 'orders-admin',
      effect: 'weakens',
      reason: expect.stringContaining("the group's members now holds orders-admin") as unknown,
    });
    expect(staffChange(diffRealm(head, base, {}, lists))).toMatchObject({
      before: 'orders-admin',
      effect: 'strengthens',
    });
  });

  it("stays neutral for a holder whose rule's list the config leaves alone", () => {
    const accountGains = changed(base, (realm) => accessOf(realm).serviceAccounts[0]!.roles.push(ORDERS_ADMIN));
    const [change] = diffRealm(base, accountGains, {}, sensitiveRoleLists('baseline', groupExtended));
    expect(change).toMatchObject({ entity: { kind: 'service-account' }, effect: 'neutral' });
  });

  it('reviewChange passes the config to the classification, as to the rules', () => {
    const without = reviewChange([loaded(base)], [loaded(head)]);
    const withConfig = reviewChange([loaded(base)], [loaded(head)], { config: groupExtended });
    expect(staffChange(without.changes)?.effect).toBe('neutral');
    expect(staffChange(withConfig.changes)?.effect).toBe('weakens');
    // The same list makes the rule report it: the classification and the findings agree.
    expect(withConfig.findings.introduced.map((finding) => finding.ruleId)).toContain('sensitive-role-group');
    expect(without.findings.introduced.map((finding) => finding.ruleId)).not.toContain('sensitive-role-group');
  });

  it('audit --baseline judges drift with the same lists: a live group holding a configured role is weaker than declared', () => {
    const declared = loaded(base);
    const live = loaded(head);
    const drift = (lists?: ReturnType<typeof sensitiveRoleLists>) => staffChange(driftBetween(declared, live, lists));
    expect(drift()?.effect).toBe('neutral');
    expect(drift(sensitiveRoleLists('baseline', groupExtended))?.effect).toBe('weakens');
  });
});
