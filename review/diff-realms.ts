/**
 * The diff engine: every classified setting change between two versions of a set of realms.
 * Realms are matched by name; inside a realm, the classification tables decide what changed and
 * what each change does. The same engine computes drift (declared → live).
 */
import {
  positionOf,
  type FieldPath,
  type LoadedRealm,
  type RealmSettings,
  type RealmSource,
} from '../model/realm-settings.ts';
import { DEFAULT_PROFILE } from '../model/profiles.ts';
import type { PolicyConfig } from '../policies/config.ts';
import type { Profile } from '../policies/define-rule.ts';
import { entityOfPath } from '../policies/finding.ts';
import type { ChangedEntity, SettingChange } from './change.ts';
import { compareChanges } from './change.ts';
import { diffWithTable, neutralVerdict, type FieldChange } from './classify/differ.ts';
import { REALM_TABLE } from './classify/realm-table.ts';
import { sensitiveRoleLists, type SensitiveRoleLists } from './classify/sensitive-grants.ts';

/** Every classified change inside one realm, in report order. */
export function diffRealm(
  before: RealmSettings,
  after: RealmSettings,
  sources: { before?: RealmSource; after?: RealmSource } = {},
  /** Which role grants are sensitive (default: the rules' built-in lists). */
  sensitiveRoles?: SensitiveRoleLists,
): SettingChange[] {
  const fieldChanges = diffWithTable(REALM_TABLE, before, after, {
    before,
    after,
    ...(sensitiveRoles && { sensitiveRoles }),
  });
  return fieldChanges.map((change) => toSettingChange(after.realm, change, sources)).sort(compareChanges);
}

/** What the rules' thresholds are for a diff: the same profile and policy config the findings are computed with. */
export interface DiffOptions {
  /** Overrides each realm's own profile (a baseline carries one); default `baseline`. */
  profile?: Profile;
  config?: PolicyConfig;
}

export interface RealmSetDiff {
  changes: SettingChange[];
  added: string[];
  removed: string[];
}

/**
 * Matches realms by name; a realm on one side only is one change (its findings tell the rest).
 * Role grants are judged with the config's sensitive-role lists under the changed realm's profile.
 */
export function diffRealmSets(
  base: readonly LoadedRealm[],
  head: readonly LoadedRealm[],
  options: DiffOptions = {},
): RealmSetDiff {
  const old = byName(base);
  const now = byName(head);
  const changes: SettingChange[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [name, realm] of now) {
    const previous = old.get(name);
    if (previous) {
      const lists = sensitiveRoleLists(options.profile ?? realm.profile ?? DEFAULT_PROFILE, options.config);
      const sources = { before: previous.source, after: realm.source };
      changes.push(...diffRealm(previous.settings, realm.settings, sources, lists));
    } else {
      added.push(name);
      changes.push(realmPresence(name, undefined, realm));
    }
  }
  for (const [name, realm] of old) {
    if (!now.has(name)) {
      removed.push(name);
      changes.push(realmPresence(name, realm, undefined));
    }
  }
  return { changes: changes.sort(compareChanges), added: added.sort(), removed: removed.sort() };
}

function realmPresence(name: string, before: LoadedRealm | undefined, after: LoadedRealm | undefined): SettingChange {
  const source = (after ?? before)?.source;
  const verdict = after
    ? neutralVerdict('realm added: its findings below say how it is configured')
    : neutralVerdict('realm no longer declared here');
  return {
    realm: name,
    entity: { kind: 'realm', id: name },
    path: [],
    setting: '(realm)',
    before: before ? (source?.origin ?? name) : undefined,
    after: after ? (source?.origin ?? name) : undefined,
    ...verdict,
  };
}

function byName(realms: readonly LoadedRealm[]): Map<string, LoadedRealm> {
  return new Map(realms.map((realm) => [realm.settings.realm, realm]));
}

const ENTITY_COLLECTIONS: Readonly<Record<string, { kind: ChangedEntity['kind']; label: string }>> = {
  clients: { kind: 'client', label: '(client)' },
  keyProviders: { kind: 'key-provider', label: '(key provider)' },
  clientPolicies: { kind: 'client-policy', label: '(client policy)' },
};

/** The entity a model path belongs to, and the setting as shown below it. */
export function entityAndSetting(realm: string, path: FieldPath): { entity: ChangedEntity; setting: string } {
  const [collection, id, ...rest] = path;
  const entityCollection = collection === undefined ? undefined : ENTITY_COLLECTIONS[collection];
  if (entityCollection && id !== undefined) {
    return {
      entity: { kind: entityCollection.kind, id },
      setting: rest.length > 0 ? rest.join('.') : entityCollection.label,
    };
  }
  // Issue 14's entities are named as findings name them: ['identityProviders', alias, …], ['access', 'groups', path, …].
  const named = entityOfPath(path);
  if (named && named.kind !== 'client' && named.kind !== 'key-provider') {
    const depth = path[0] === 'access' || path[0] === 'authentication' ? 3 : 2;
    return { entity: named, setting: path.slice(depth).join('.') || `(${named.kind.replace(/-/g, ' ')})` };
  }
  if (collection === 'tokenVersionClaim') {
    return {
      entity: { kind: 'token-version-claim', id: 'tokenVersionClaim' },
      setting: path.slice(1).join('.') || '(token-version claim)',
    };
  }
  return { entity: { kind: 'realm', id: realm }, setting: path.join('.') };
}

function toSettingChange(
  realm: string,
  change: FieldChange,
  sources: { before?: RealmSource; after?: RealmSource },
): SettingChange {
  const { subPath: path, ...rest } = change;
  const source = change.after !== undefined ? sources.after : sources.before;
  const location = source && source.kind !== 'live' ? positionOf(source, path) : undefined;
  return { realm, ...entityAndSetting(realm, path), path, ...rest, ...(location ? { location } : {}) };
}
