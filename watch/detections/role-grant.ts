/**
 * A sensitive role granted: CREATE of a role mapping on a user or group, of a scope mapping on a
 * client or client scope, a user joining a group, or a role added to a composite — the realm's
 * default roles, which every user holds, or any other (keycloak-events.test.ts shows each). The
 * roles granted are judged as `diff` judges a holder gaining roles (review/classify/entity-access.ts):
 * on the list of the sensitive-role rule that judges that holder, as the policy config sets it —
 * a service account by sensitive-role-service-account's, a group by sensitive-role-group's, a
 * client's or scope's tokens by sensitive-role-client's. A person holds roles as a group's members
 * do, so a user's own grant is judged by sensitive-role-group's list; the default roles by
 * sensitive-role-default's, another composite by sensitive-role-composite's (no rule reads users' own
 * roles: the detection names none). A role mapping names a client role's client by id: a client
 * the watcher does not know (no view-clients) leaves its roles unjudged.
 */
import { isRecord, type JsonRecord } from '../../keycloak/answers.ts';
import { roleKey } from '../../model/entities/access.ts';
import { text } from '../../model/live/reads.ts';
import type { RoleRef } from '../../model/realm-settings.ts';
import { DEFAULT_PROFILE } from '../../model/profiles.ts';
import { severityRank, type Severity } from '../../policies/finding.ts';
import { allRules } from '../../policies/rules/index.ts';
import { grantVerdict, sensitiveOfAll } from '../../review/classify/entity-access.ts';
import { HOLDER_RULES, sensitiveRoleLists, type RoleHolder } from '../../review/classify/sensitive-grants.ts';
import { own } from '../config-changes/change.ts';
import type { Detection } from '../detection.ts';
import type { AdminPart, WatchEvent } from '../event.ts';
import type { JudgeOptions } from '../judge-change.ts';
import { bareAnswers, loadedAnswers } from '../parts-answers.ts';
import type { RealmParts } from '../realm-parts.ts';
import type { RealmSnapshot } from '../realm-snapshot.ts';
import type { Detector } from './detector.ts';

interface Grant {
  /** Who now holds the roles, as the summary says it. */
  holder: string;
  /** Whose list judges the roles. */
  judgedAs: RoleHolder;
  /** The rule that reports such a holding in an audit; none for a user's own roles. */
  rule?: string;
  roles: RoleRef[];
}

const MAPPING =
  /^(users|groups|clients|client-scopes)\/([^/]+)\/(role-mappings|scope-mappings)\/(realm|clients\/([^/]+))$/;
const MEMBERSHIP = /^users\/([^/]+)\/groups\/([^/]+)$/;
const COMPOSITES = /^roles-by-id\/([^/]+)\/composites$/;

const clientIdOf = (parts: RealmParts | undefined, id: string) =>
  parts ? own(parts.clients, id)?.clientId : undefined;

/** The roles of a role-mapping representation; undefined when their client is not known. */
function mappedRoles(
  items: readonly JsonRecord[],
  client: string | undefined,
  clientKnown: boolean,
): RoleRef[] | undefined {
  if (!clientKnown) return undefined;
  return items.flatMap((item) => {
    const name = text(item.name);
    return name === undefined ? [] : [client === undefined ? { name } : { client, name }];
  });
}

function holderOf(owner: string, id: string, parts: RealmParts | undefined): Omit<Grant, 'roles'> | undefined {
  if (owner === 'users') {
    const account = parts ? own(parts.serviceAccounts, id) : undefined;
    return account !== undefined
      ? {
          holder: `the service account of client ${account}`,
          judgedAs: 'serviceAccount',
          rule: HOLDER_RULES.serviceAccount,
        }
      : { holder: `user ${id}`, judgedAs: 'group' };
  }
  if (owner === 'groups') return { holder: `the members of group ${id}`, judgedAs: 'group', rule: HOLDER_RULES.group };
  if (owner === 'clients')
    return {
      holder: `tokens of client ${clientIdOf(parts, id) ?? id}`,
      judgedAs: 'scopeMapping',
      rule: HOLDER_RULES.scopeMapping,
    };
  const scope = parts ? own(parts.clientScopes, id) : undefined;
  return { holder: `tokens of client scope ${scope ?? id}`, judgedAs: 'scopeMapping', rule: HOLDER_RULES.scopeMapping };
}

/** Roles added to a composite name their client by its uuid (containerId); undefined when one is unknown. */
function compositeRoles(items: readonly JsonRecord[], parts: RealmParts | undefined): RoleRef[] | undefined {
  const roles: RoleRef[] = [];
  for (const item of items) {
    const name = text(item.name);
    if (name === undefined) continue;
    if (item.clientRole !== true) {
      roles.push({ name });
      continue;
    }
    const client = clientIdOf(parts, text(item.containerId) ?? '');
    if (client === undefined) return undefined;
    roles.push({ client, name });
  }
  return roles;
}

/** The grant an admin event makes, or undefined when it makes none the watcher can read. */
export function grantOf(admin: AdminPart, parts: RealmParts | undefined, realm: JsonRecord = {}): Grant | undefined {
  if (admin.operationType !== 'CREATE' || !admin.resourcePath) return undefined;
  const composite = COMPOSITES.exec(admin.resourcePath);
  if (composite && (admin.resourceType === 'REALM_ROLE' || admin.resourceType === 'CLIENT_ROLE')) {
    const roles = compositeRoles(admin.representationItems ?? [], parts);
    const defaultRole = isRecord(realm.defaultRole) ? text(realm.defaultRole.id) : undefined;
    const holder: Omit<Grant, 'roles'> =
      defaultRole !== undefined && composite[1] === defaultRole
        ? { holder: 'every user (default roles)', judgedAs: 'defaultRoles', rule: HOLDER_RULES.defaultRoles }
        : { holder: `whoever holds role ${composite[1] ?? ''}`, judgedAs: 'composite', rule: HOLDER_RULES.composite };
    return roles && { ...holder, roles };
  }
  if (admin.resourceType === 'GROUP_MEMBERSHIP') {
    const match = MEMBERSHIP.exec(admin.resourcePath);
    const group = admin.representation;
    if (!match || !group) return undefined;
    const realmRoles = Array.isArray(group.realmRoles) ? group.realmRoles : [];
    const clientRoles =
      group.clientRoles && typeof group.clientRoles === 'object' ? Object.entries(group.clientRoles) : [];
    const roles: RoleRef[] = [
      ...realmRoles.filter((name): name is string => typeof name === 'string').map((name) => ({ name })),
      ...clientRoles.flatMap(([client, names]) =>
        (Array.isArray(names) ? names : [])
          .filter((name): name is string => typeof name === 'string')
          .map((name) => ({ client, name })),
      ),
    ];
    const holder = holderOf('users', match[1] ?? '', parts);
    const path = text(group.path) ?? match[2] ?? '';
    return holder && { ...holder, holder: `${holder.holder} (joined group ${path})`, roles };
  }
  if (!/^(REALM|CLIENT)_(ROLE|SCOPE)_MAPPING$/.test(admin.resourceType)) return undefined;
  const match = MAPPING.exec(admin.resourcePath);
  if (!match) return undefined;
  const [, owner = '', id = '', kind, , roleClient] = match;
  // Role mappings live on users and groups, scope mappings on clients and client scopes.
  if ((kind === 'role-mappings') !== (owner === 'users' || owner === 'groups')) return undefined;
  const client = roleClient === undefined ? undefined : clientIdOf(parts, roleClient);
  const roles = mappedRoles(admin.representationItems ?? [], client, roleClient === undefined || client !== undefined);
  const holder = holderOf(owner, id, parts);
  return roles && holder && { ...holder, roles };
}

/** High, or the holder's rule's own severity where that is higher (sensitive-role-default: every user, critical). */
function severityOf(rule: string | undefined): Severity {
  const own = allRules.find((candidate) => candidate.id === rule)?.severity;
  return own !== undefined && severityRank(own) > severityRank('high') ? own : 'high';
}

export function roleGrant(snapshot: RealmSnapshot, options: JudgeOptions = {}): Detector {
  return {
    kind: 'sensitive-role-granted',
    onEvent(event: WatchEvent): Detection[] {
      const admin = event.admin;
      if (!admin) return [];
      const grant = grantOf(admin, snapshot.parts(), snapshot.realm());
      if (!grant || grant.roles.length === 0) return [];
      const list = sensitiveRoleLists(options.profile ?? DEFAULT_PROFILE, options.config)[grant.judgedAs];
      // The realm's name decides how the lists match (master keeps its admin roles elsewhere); no role
      // graph is kept, so a role counts for itself, not for the roles a composite of it includes.
      const realm = loadedAnswers({
        ...bareAnswers({ realm: event.realm }),
        entities: { roles: { realm: [], client: {} } },
      }).settings;
      const sensitive = sensitiveOfAll(grant.roles, realm, list);
      if (sensitive.length === 0) return [];
      const verdict = grantVerdict(sensitive, grant.holder, true);
      const actor = admin.actorUserId ? `admin ${admin.actorUserId}` : 'an admin';
      const rules = grant.rule ? [grant.rule] : [];
      return [
        {
          id: `sensitive-role-granted:${event.id}`,
          kind: 'sensitive-role-granted',
          severity: severityOf(grant.rule),
          source: 'realmguard diff classification (docs/review.md)',
          realm: event.realm,
          time: event.time,
          ...(admin.actorUserId ? { user: admin.actorUserId } : {}),
          ...(admin.actorClientId ? { client: admin.actorClientId } : {}),
          ...(event.ipAddress ? { ipAddress: event.ipAddress } : {}),
          eventIds: [event.id],
          summary: `${sensitive.join(', ')} granted to ${grant.holder} by ${actor}${event.ipAddress ? ` from ${event.ipAddress}` : ''}${admin.resourcePath ? ` (${admin.resourcePath})` : ''}: ${verdict.reason}${rules.length ? ` (breaks ${rules.join(', ')})` : ''}`,
          changes: [
            {
              setting: 'roles',
              before: null,
              after: grant.roles.map(roleKey),
              effect: verdict.effect,
              reason: verdict.reason,
              rules,
            },
          ],
        },
      ];
    },
  };
}
