import { defineRule } from '../../define-rule.ts';
import { DAY_SECONDS, keyPath, keyProviders } from '../../entities.ts';
import { KC_ADMIN_GUIDE } from '../../sources.ts';

export default defineRule('keys', {
  id: 'passive-key-retention',
  title: 'Passive keys are removed after the retention window',
  severity: 'low',
  sources: [KC_ADMIN_GUIDE('Rotating keys: delete the old key one to two months later')],
  why: 'A passive key only needs to live as long as the tokens it signed; kept longer it is one more key that can leak and still be trusted.',
  remediation: {
    baselineKey: 'keys.providers[].state',
    value: 'retired',
    note: 'once it has been passive longer than the longest token or session lifespan',
  },
  params: { baseline: { maxDays: 60 }, strict: { maxDays: 60 } },
  paramDocs: { maxDays: 'Longest a key may stay passive, in days (counted from passiveSince).' },
  messages: { tooOld: 'The key has been passive since {{since}} ({{days}} days); remove it after {{maxDays}} days.' },
  *check(realm, { maxDays }, { now }) {
    for (const provider of keyProviders(realm)) {
      if (provider.active || provider.passiveSince === undefined) continue;
      const since = Date.parse(provider.passiveSince);
      if (Number.isNaN(since)) continue;
      const days = Math.floor((now.getTime() - since) / (DAY_SECONDS * 1000));
      if (days > maxDays)
        yield {
          path: keyPath(provider, 'passiveSince'),
          messageId: 'tooOld',
          data: { since: provider.passiveSince, days, maxDays },
        };
    }
  },
});
