/**
 * Who holds what, as Keycloak resolves it: a composite role stands for every role it includes,
 * transitively (composites may form cycles, which Keycloak allows), and a group member holds the
 * roles of the group and of every parent group. The sensitive-role rules ask these questions.
 */
import { roleKey, type AccessSettings, type GroupSettings, type RoleRef } from '../model/entities/access.ts';

/** A role held through some mapping, and the sensitive role it is or includes. */
export interface SensitiveHolding {
  held: RoleRef;
  sensitive: RoleRef;
}

export class AccessGraph {
  private readonly composites = new Map<string, RoleRef[]>();
  private readonly groups = new Map<string, GroupSettings>();

  constructor(access: AccessSettings) {
    for (const role of access.roles) this.composites.set(roleKey(role), role.composites);
    for (const group of access.groups) this.groups.set(group.path, group);
  }

  /**
   * The role and every role it includes, each once, breadth first (nearest first); `expand`
   * decides which roles' composites are followed (all by default).
   */
  closure(role: RoleRef, expand: (role: RoleRef) => boolean = () => true): RoleRef[] {
    // The queue is the answer: each role joins it once, when first seen, nearest first. Read by
    // index, not shifted, and each key built once: rules ask this for every role of a big export.
    const seen = new Set<string>([roleKey(role)]);
    const queue = [role];
    for (let index = 0; index < queue.length; index++) {
      const next = queue[index];
      if (next === undefined || !expand(next)) continue;
      for (const included of this.composites.get(roleKey(next)) ?? []) {
        const key = roleKey(included);
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(included);
      }
    }
    return queue;
  }

  /** The first sensitive role `held` is or includes (itself before its composites). */
  sensitiveIn(held: RoleRef, isSensitive: (role: RoleRef) => boolean): SensitiveHolding | undefined {
    const sensitive = this.closure(held).find(isSensitive);
    return sensitive && { held, sensitive };
  }

  /** Each sensitive role among `roles` (one holding per held role). */
  sensitiveAmong(roles: readonly RoleRef[], isSensitive: (role: RoleRef) => boolean): SensitiveHolding[] {
    return roles.flatMap((role) => this.sensitiveIn(role, isSensitive) ?? []);
  }

  /** Roles a member of the group holds through it: its own and its parent groups' mappings. */
  groupRoles(path: string): RoleRef[] {
    return groupAndAncestors(path).flatMap((groupPath) => this.groups.get(groupPath)?.roles ?? []);
  }
}

/** '/ops/admins' → ['/ops/admins', '/ops']: members of a sub-group inherit its parents' roles. */
export function groupAndAncestors(path: string): string[] {
  const segments = path.split('/').filter((segment) => segment !== '');
  return segments.map((_, index) => `/${segments.slice(0, segments.length - index).join('/')}`);
}

/** 'client/role' or 'role', for messages. */
export function describeHolding({ held, sensitive }: SensitiveHolding): string {
  return roleKey(held) === roleKey(sensitive) ? roleKey(sensitive) : `${roleKey(sensitive)} (through ${roleKey(held)})`;
}
