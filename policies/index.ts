/**
 * The realmguard CrossGuard policy pack (compiled by `npm run build` to dist/policy-pack, which is what Pulumi loads):
 *   pulumi preview --policy-pack dist/policy-pack [--policy-pack-config cfg.json]
 * One policy per rule of the catalogue (policies/pack/policies.ts). Critical and high rules are
 * mandatory by default, the rest advisory; `all` and each policy can be reconfigured.
 */
import { PolicyPack } from '@pulumi/policy';
import { buildPolicies } from './pack/policies.ts';

new PolicyPack('realmguard', {
  description:
    'Keycloak realm hardening: the realmguard rule catalogue (RFC 9700, OWASP ASVS 5.0, NIST SP 800-63B-4, FAPI 2.0) on @pulumi/keycloak resources.',
  displayName: 'realmguard — Keycloak realm hardening',
  provider: 'keycloak',
  tags: ['keycloak', 'oauth', 'oidc', 'security'],
  policies: buildPolicies(),
});
