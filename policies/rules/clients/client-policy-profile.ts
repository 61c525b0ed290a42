import { defineRule } from '../../define-rule.ts';
import { ASVS, FAPI2, KC_ADMIN_GUIDE } from '../../sources.ts';

export default defineRule('clients', {
  id: 'client-policy-profile',
  title: 'A client policy enforces an OAuth 2.1 or FAPI 2.0 profile',
  severity: 'medium',
  sources: [KC_ADMIN_GUIDE('Client policies'), FAPI2('§5 (security profile)'), ASVS('V10.4 (OAuth and OIDC)')],
  why: 'Client policies make Keycloak itself refuse clients and requests that break the profile, so a new or edited client cannot drift below it between checks.',
  remediation: {
    baselineKey: 'clientPolicies',
    value: [{ name: 'oauth-2-1', enabled: true, profiles: ['oauth-2-1-for-confidential-client'] }],
  },
  params: {
    baseline: {
      required: false,
      profiles: [
        'oauth-2-1-for-confidential-client',
        'oauth-2-1-for-public-client',
        'fapi-2-security-profile',
        'fapi-2-dpop-security-profile',
        'fapi-2-message-signing',
        'fapi-2-dpop-message-signing',
      ],
    },
    strict: {
      required: true,
      profiles: [
        'oauth-2-1-for-confidential-client',
        'oauth-2-1-for-public-client',
        'fapi-2-security-profile',
        'fapi-2-dpop-security-profile',
        'fapi-2-message-signing',
        'fapi-2-dpop-message-signing',
      ],
    },
  },
  paramDocs: { required: 'Whether such a policy is required.', profiles: 'Client profiles that count.' },
  messages: { missing: 'No enabled client policy applies one of: {{profiles}}.' },
  // Does any policy of the realm bind a strong profile: one left out could be it.
  reads: ['clientPolicies'],
  wholeRealm: true,
  *check(realm, { required, profiles }) {
    if (!required) return;
    const bound = realm.clientPolicies.some(
      (policy) => policy.enabled && policy.profiles.some((profile) => profiles.includes(profile)),
    );
    if (!bound) yield { path: ['clientPolicies'], messageId: 'missing', data: { profiles: profiles.join(', ') } };
  },
});
