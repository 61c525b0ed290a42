/**
 * An admin change that weakens the realm: the representation of an UPDATE REALM or UPDATE CLIENT
 * admin event is adapted to the model (the same adapter as a realm export and `audit`) and
 * compared with the known state through `realmguard diff`'s classification. Each weakening
 * setting is reported with the rules the new state breaks on that setting and with the admin who
 * made it. Only weakening changes are detections; strengthening and neutral ones are not.
 */
import type { JsonRecord } from '../../keycloak/answers.ts';
import { liveRealmFromAnswers } from '../../model/live.ts';
import type { LoadedRealm } from '../../model/realm-settings.ts';
import type { PolicyConfig } from '../../policies/config.ts';
import { runRules } from '../../policies/run.ts';
import { DEFAULT_PROFILE, type Profile } from '../../model/profiles.ts';
import { diffRealm } from '../../review/diff-realms.ts';
import { sensitiveRoleLists } from '../../review/classify/sensitive-grants.ts';
import type { Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';
import type { RealmSnapshot } from '../realm-snapshot.ts';
import type { Detector } from './detector.ts';

function loaded(realm: JsonRecord, clients: JsonRecord[]): LoadedRealm {
  return liveRealmFromAnswers(
    {
      realm,
      clients,
      keyComponents: [],
      keys: [],
      clientScopes: [],
      defaultClientScopes: [],
      clientPolicies: { policies: [] },
      clientProfiles: { profiles: [] },
    },
    `admin event on realm ${String(realm.realm)}`,
  );
}

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
  prefix.every((part, index) => path[index] === part);

export function adminChange(
  snapshot: RealmSnapshot,
  options: { profile?: Profile; config?: PolicyConfig } = {},
): Detector {
  return {
    kind: 'admin-weakening',
    onEvent(event: WatchEvent): Detection[] {
      const admin = event.admin;
      if (!admin || admin.operationType !== 'UPDATE' || !admin.representation) return [];
      let before: LoadedRealm;
      let after: LoadedRealm;
      let subject: string;
      let known: boolean;
      if (admin.resourceType === 'REALM') {
        const change = snapshot.updateRealm(admin.representation, event.time);
        before = loaded(change.before ?? { realm: event.realm }, []);
        after = loaded(change.after, []);
        subject = `realm ${event.realm}`;
        known = change.known;
      } else if (
        admin.resourceType === 'CLIENT' &&
        admin.resourcePath?.startsWith('clients/') &&
        !admin.resourcePath.slice('clients/'.length).includes('/')
      ) {
        const id = admin.resourcePath.slice('clients/'.length);
        const change = snapshot.updateClient(id, admin.representation, event.time);
        const clientId = typeof change.after.clientId === 'string' ? change.after.clientId : id;
        // Without a known earlier state the client is compared with Keycloak's defaults for a new client.
        before = loaded(snapshot.realm(), [change.before ?? { id, clientId }]);
        after = loaded(snapshot.realm(), [{ clientId, ...change.after }]);
        subject = `client ${clientId}`;
        known = change.known;
      } else {
        return [];
      }
      // The same sensitive-role lists as diff and audit: the policy config's, else the built-in ones.
      const lists = sensitiveRoleLists(options.profile ?? DEFAULT_PROFILE, options.config);
      const weakening = diffRealm(before.settings, after.settings, {}, lists).filter(
        (setting) => setting.effect === 'weakens',
      );
      if (weakening.length === 0) return [];
      const findings = runRules([after], {
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.config ? { config: options.config } : {}),
      }).findings;
      const changes = weakening.map((setting) => ({
        setting: setting.setting,
        before: setting.before,
        after: setting.after,
        effect: setting.effect,
        reason: setting.reason,
        rules: [
          ...new Set(
            findings.filter((finding) => startsWith(finding.path, setting.path)).map((finding) => finding.ruleId),
          ),
        ],
      }));
      const actor = admin.actorUserId ? `admin ${admin.actorUserId}` : 'an admin';
      const described = changes.map(
        (change) =>
          `${change.setting} ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}${change.rules.length ? ` (breaks ${change.rules.join(', ')})` : ''}`,
      );
      return [
        {
          id: `admin-weakening:${event.id}`,
          kind: 'admin-weakening',
          severity: changes.some((change) => change.rules.length > 0) ? 'high' : 'medium',
          source: 'realmguard diff classification (docs/review.md)',
          realm: event.realm,
          time: event.time,
          ...(admin.actorUserId ? { user: admin.actorUserId } : {}),
          ...(admin.actorClientId ? { client: admin.actorClientId } : {}),
          ...(event.ipAddress ? { ipAddress: event.ipAddress } : {}),
          eventIds: [event.id],
          summary: `${subject} weakened by ${actor}${event.ipAddress ? ` from ${event.ipAddress}` : ''}: ${described.join('; ')}${known ? '' : ' (earlier state unknown: compared with Keycloak defaults)'}`,
          changes,
        },
      ];
    },
  };
}
