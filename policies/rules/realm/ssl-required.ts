import { defineRule } from '../../define-rule.ts';
import { KC_THREAT_MODEL, RFC9700 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'ssl-required',
  title: 'HTTPS is required for every request',
  severity: 'critical',
  sources: [
    RFC9700('§2.6 (no plain-http redirect URIs except loopback)'),
    KC_THREAT_MODEL('Compromised access and refresh tokens: SSL/HTTPS'),
  ],
  why: 'With `sslRequired: none` tokens, codes and session cookies travel in clear text and anyone on the path can steal them. `external` still accepts plain HTTP from loopback (and, as Keycloak documents, private) addresses, which strict deployments do not accept.',
  remediation: { baselineKey: 'security.sslRequired', value: 'external', note: "'all' under the strict profile" },
  params: { baseline: { require: 'external' }, strict: { require: 'all' } },
  paramDocs: { require: "The weakest accepted setting: 'external' or 'all'." },
  messages: {
    none: "sslRequired is 'none': Keycloak accepts plain HTTP from anywhere.",
    notAll:
      "sslRequired is '{{actual}}': plain HTTP is still accepted from private addresses; the profile requires 'all'.",
  },
  *check(realm, { require }) {
    if (realm.sslRequired === 'none') yield { path: ['sslRequired'], messageId: 'none' };
    else if (require === 'all' && realm.sslRequired !== 'all') {
      yield { path: ['sslRequired'], messageId: 'notAll', data: { actual: realm.sslRequired }, severity: 'low' };
    }
  },
});
