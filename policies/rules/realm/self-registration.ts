import { defineRule } from '../../define-rule.ts';
import { KC_ADMIN_GUIDE } from '../../sources.ts';

export default defineRule('realm', {
  id: 'self-registration',
  title: 'Accounts are not created by whoever reaches the login page',
  severity: 'low',
  sources: [KC_ADMIN_GUIDE('Configuring realms › Enabling user registration')],
  why: 'With registrationAllowed Keycloak serves a registration form next to the login page: anyone who can reach it creates an account in the realm and leaves logged in. Right for a consumer realm, a surprise in a workforce or admin realm.',
  remediation: {
    baselineKey: 'security.registrationAllowed',
    value: false,
    note: 'or keep it and set allowed: true in this rule config for a realm meant for sign-ups',
  },
  params: { baseline: { allowed: false }, strict: { allowed: false } },
  paramDocs: { allowed: 'Accept self-registration (a realm meant for public sign-ups).' },
  messages: { on: 'Self-registration is on: anyone who reaches the login page can create an account.' },
  *check(realm, { allowed }) {
    if (realm.registrationAllowed && !allowed) yield { path: ['registrationAllowed'], messageId: 'on' };
  },
});
