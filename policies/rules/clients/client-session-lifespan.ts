import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, clientDurationAttribute, humanSeconds, oidcClients } from '../../entities.ts';
import { ASVS } from '../../sources.ts';

/** Each override and the parameter that bounds it (the realm rules' thresholds). */
const OVERRIDES = [
  ['client.session.idle.timeout', 'maxIdle'],
  ['client.session.max.lifespan', 'maxLifespan'],
  ['client.offline.session.idle.timeout', 'maxOfflineIdle'],
  ['client.offline.session.max.lifespan', 'maxOfflineLifespan'],
] as const;

export default defineRule('clients', {
  id: 'client-session-lifespan',
  title: 'Client session overrides stay within the realm thresholds',
  severity: 'medium',
  sources: [ASVS('V7.3 (session timeouts)')],
  why: 'Per-client session and offline-session overrides decide how long that client’s refresh tokens work; one generous override undoes the realm’s limits for that client.',
  remediation: {
    baselineKey: 'clients[].lifespans.clientSessionIdle',
    value: '30m',
    note: 'or remove the lifespans overrides; keep each within the realm thresholds',
  },
  params: {
    baseline: { maxIdle: 3600, maxLifespan: 86_400, maxOfflineIdle: 2_592_000, maxOfflineLifespan: 5_184_000 },
    strict: { maxIdle: 900, maxLifespan: 43_200, maxOfflineIdle: 604_800, maxOfflineLifespan: 2_592_000 },
  },
  paramDocs: {
    maxIdle: 'Longest accepted client.session.idle.timeout, in seconds.',
    maxLifespan: 'Longest accepted client.session.max.lifespan, in seconds.',
    maxOfflineIdle: 'Longest accepted client.offline.session.idle.timeout, in seconds.',
    maxOfflineLifespan: 'Longest accepted client.offline.session.max.lifespan, in seconds.',
  },
  messages: { tooLong: '{{attribute}} is {{actual}}; at most {{max}} is accepted.' },
  *check(realm, params) {
    for (const client of oidcClients(realm)) {
      for (const [attribute, param] of OVERRIDES) {
        const actual = clientDurationAttribute(client, attribute);
        const max = params[param];
        // 0 = no override (the realm value applies).
        if (actual !== undefined && actual > 0 && actual > max) {
          yield {
            path: clientAttributePath(client, attribute),
            messageId: 'tooLong',
            data: { attribute, actual: humanSeconds(actual), max: humanSeconds(max) },
          };
        }
      }
    }
  },
});
