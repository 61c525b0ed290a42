import { defineRule } from '../../define-rule.ts';
import { ASVS } from '../../sources.ts';

export default defineRule('realm', {
  id: 'admin-events',
  title: 'Admin changes are recorded with their details',
  severity: 'medium',
  sources: [ASVS('V16.3.3 (security-relevant administrative changes logged)')],
  why: 'An attacker with admin access changes redirect URIs, adds clients or keys; admin events with representations are the record of what changed and when.',
  remediation: { baselineKey: 'events.adminEvents', value: true, note: 'and events.adminEventsDetails: true' },
  params: { baseline: { details: true }, strict: { details: true } },
  paramDocs: { details: 'Whether the change details (representations) must be recorded too.' },
  messages: {
    off: 'Admin events are not recorded (adminEventsEnabled is off).',
    noDetails: 'Admin events are recorded without their details (adminEventsDetailsEnabled is off).',
  },
  reads: ['events'],
  *check(realm, { details }) {
    if (!realm.adminEventsEnabled) yield { path: ['adminEventsEnabled'], messageId: 'off' };
    else if (details && !realm.adminEventsDetailsEnabled)
      yield { path: ['adminEventsDetailsEnabled'], messageId: 'noDetails' };
  },
});
