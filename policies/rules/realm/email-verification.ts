import { defineRule } from '../../define-rule.ts';
import { KC_ADMIN_GUIDE } from '../../sources.ts';

export default defineRule('realm', {
  id: 'email-verification',
  title: 'Users prove they own their e-mail address',
  severity: 'low',
  sources: [KC_ADMIN_GUIDE('Configuring realms › Login tab: Verify email')],
  why: 'With verifyEmail off Keycloak logs users in without ever asking them to prove the address on their account, and their tokens say email_verified false; any client or identity-provider link that trusts the address trusts an unproven one.',
  remediation: { baselineKey: 'security.verifyEmail', value: true },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { off: 'E-mail verification is off: addresses on accounts are never proven.' },
  *check(realm) {
    if (!realm.verifyEmail) yield { path: ['verifyEmail'], messageId: 'off' };
  },
});
