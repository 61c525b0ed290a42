import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, clientDurationAttribute, humanSeconds, oidcClients } from '../../entities.ts';
import { FAPI1 } from '../../sources.ts';

const ATTRIBUTE = 'access.token.lifespan';

export default defineRule('clients', {
  id: 'client-token-lifespan',
  title: 'Client access-token overrides stay short',
  severity: 'high',
  sources: [FAPI1('§5.2.2-21 (access tokens under 10 min unless sender-constrained)')],
  why: 'A per-client access.token.lifespan overrides the realm’s, so one client can quietly issue tokens that live for hours.',
  remediation: {
    baselineKey: 'clients[].lifespans.accessToken',
    value: '5m',
    note: 'or remove the override; at most 15m (5m under strict)',
  },
  params: { baseline: { max: 900 }, strict: { max: 300 } },
  paramDocs: {
    max: 'Longest accepted access-token lifespan override, in seconds (the access-token-lifespan thresholds).',
  },
  messages: { tooLong: 'The client overrides the access-token lifespan to {{actual}}; at most {{max}} is accepted.' },
  *check(realm, { max }) {
    for (const client of oidcClients(realm)) {
      const actual = clientDurationAttribute(client, ATTRIBUTE);
      if (actual !== undefined && actual > max) {
        yield {
          path: clientAttributePath(client, ATTRIBUTE),
          messageId: 'tooLong',
          data: { actual: humanSeconds(actual), max: humanSeconds(max) },
        };
      }
    }
  },
});
