import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { RFC9700 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'offline-session-idle',
  title: 'Unused offline sessions expire',
  severity: 'low',
  sources: [RFC9700('§4.14.2 (refresh tokens expire after a period of inactivity)')],
  why: 'An offline token nobody uses is most likely forgotten — or in someone else’s hands; expiring it on inactivity shrinks the pool of long-lived credentials.',
  remediation: { baselineKey: 'sessions.offlineSessionIdleTimeout', value: '30d', note: '7d under strict' },
  params: { baseline: { max: 2_592_000 }, strict: { max: 604_800 } },
  paramDocs: { max: 'Longest accepted offline idle timeout, in seconds.' },
  messages: { tooLong: 'Offline sessions survive {{actual}} of inactivity; at most {{max}} is accepted.' },
  *check(realm, { max }) {
    const actual = realm.offlineSessionIdleTimeout;
    if (actual <= 0 || actual > max) {
      yield {
        path: ['offlineSessionIdleTimeout'],
        messageId: 'tooLong',
        data: { actual: actual <= 0 ? 'forever' : humanSeconds(actual), max: humanSeconds(max) },
      };
    }
  },
});
