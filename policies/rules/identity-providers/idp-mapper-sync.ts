import type { IdentityProviderMapperSettings, IdentityProviderSettings } from '../../../model/realm-settings.ts';
import { defineRule } from '../../define-rule.ts';
import { identityProviders } from '../../entities.ts';
import { KC_ADMIN_GUIDE } from '../../sources.ts';

/** Unset reads as LEGACY (Keycloak's IdentityProviderModel and IdentityProviderMapperModel); INHERIT takes the provider's. */
function effectiveSyncMode(idp: IdentityProviderSettings, mapper: IdentityProviderMapperSettings): string {
  const own = mapper.config.syncMode ?? 'LEGACY';
  return own === 'INHERIT' ? (idp.config.syncMode ?? 'LEGACY') : own;
}

/**
 * Keycloak's hardcoded mappers: 'hardcoded-attribute-idp-mapper',
 * 'hardcoded-user-session-attribute-idp-mapper', and for roles and groups
 * 'oidc-hardcoded-role-idp-mapper', 'oidc-hardcoded-group-idp-mapper' (as the real server lists
 * them: test/pulumi/pack-flows.test.ts).
 */
const HARDCODED = /^(oidc-)?hardcoded-/;

/** Mappers that grant roles or groups from what the identity provider says. */
function grantsAccess(mapper: IdentityProviderMapperSettings): boolean {
  return /role|group/i.test(mapper.type);
}

export default defineRule('identity-providers', {
  id: 'idp-mapper-sync',
  title: 'Identity-provider mappers update users at every login',
  severity: 'medium',
  sources: [KC_ADMIN_GUIDE('Identity brokering: mappers and "Sync mode" (Legacy, Import, Force)')],
  why:
    "A mapper with sync mode IMPORT applies only at a user's first login: a role or group granted from the identity provider's claims stays after the identity provider withdraws it, and attributes go stale. " +
    "LEGACY (what an unset mode reads as) keeps each mapper's behaviour from before sync modes: role and group mappers then only revoke, and some mappers do nothing. FORCE re-applies the mapper at every login. Hardcoded mappers do not depend on the identity provider and are not judged.",
  remediation: {
    action: "Set the mapper's syncMode to FORCE, or to INHERIT on an identity provider whose syncMode is FORCE.",
  },
  reads: ['identityProviders', 'identityProviderMappers'],
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    importRoles:
      "Mapper '{{mapper}}' of identity provider '{{alias}}' grants roles or groups with sync mode IMPORT: a grant the identity provider withdraws stays.",
    notForce: "Mapper '{{mapper}}' of identity provider '{{alias}}' applies with sync mode {{mode}}, not FORCE.",
  },
  *check(realm) {
    for (const idp of identityProviders(realm)) {
      for (const mapper of idp.mappers) {
        if (HARDCODED.test(mapper.type)) continue;
        const mode = effectiveSyncMode(idp, mapper);
        if (mode === 'FORCE') continue;
        const path = ['identityProviders', idp.alias, 'mappers', mapper.name, 'config', 'syncMode'];
        const data = { alias: idp.alias, mapper: mapper.name, mode };
        if (mode === 'IMPORT' && grantsAccess(mapper)) yield { path, messageId: 'importRoles', data };
        else yield { path, messageId: 'notForce', data, severity: 'low' };
      }
    }
  },
});
