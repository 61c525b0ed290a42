/**
 * A sensitive role granted (watch/role-grants.ts reads who gains which roles from the event). The
 * roles are judged as `diff` judges a holder gaining roles (review/classify/entity-access.ts): on
 * the list of the sensitive-role rule that judges that holder, as the policy config sets it — a
 * service account by sensitive-role-service-account's, a group by sensitive-role-group's, a
 * client's or scope's tokens by sensitive-role-client's, the default roles by
 * sensitive-role-default's, another composite by sensitive-role-composite's. A person holds roles
 * as a group's members do, so a user's own grant is judged by sensitive-role-group's list; no rule
 * reads users' own roles, so that detection names no rule.
 */
import { roleKey } from '../../model/entities/access.ts';
import { DEFAULT_PROFILE } from '../../model/profiles.ts';
import { severityRank, type Severity } from '../../policies/finding.ts';
import { allRules } from '../../policies/rules/index.ts';
import { grantVerdict, sensitiveOfAll } from '../../review/classify/entity-access.ts';
import { sensitiveRoleLists } from '../../review/classify/sensitive-grants.ts';
import { fromAdminEvent, type Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';
import type { JudgeOptions } from '../judge-change.ts';
import { bareAnswers, loadedAnswers } from '../parts-answers.ts';
import type { RealmSnapshot } from '../realm-snapshot.ts';
import { grantOf } from '../role-grants.ts';
import type { Detector } from './detector.ts';

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
          ...fromAdminEvent(event, admin),
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
