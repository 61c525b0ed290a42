import { defineRule } from '../../define-rule.ts';
import { identityProviders, idpConfigPath, shown } from '../../entities.ts';
import { KC_ADMIN_GUIDE } from '../../sources.ts';

export default defineRule('identity-providers', {
  id: 'idp-sync-mode',
  title: "Identity providers keep users' data in sync",
  severity: 'low',
  sources: [KC_ADMIN_GUIDE('Identity brokering: "Sync mode" (Legacy, Import, Force)')],
  why: "With sync mode IMPORT, Keycloak takes a brokered user's data once, at the first login: a changed name, email or attribute at the identity provider never reaches Keycloak. Unset reads as LEGACY, where each mapper keeps the behaviour from before sync modes existed. FORCE updates the user at every login.",
  remediation: {
    action: "Set the identity provider's syncMode to FORCE.",
  },
  params: { baseline: { severity: 'info' }, strict: { severity: 'low' } },
  paramDocs: { severity: "How severe a sync mode other than FORCE is: 'info' (baseline) or 'low' (strict)." },
  messages: { notForce: "Identity provider '{{alias}}' has sync mode {{mode}}, not FORCE." },
  *check(realm, { severity }) {
    for (const idp of identityProviders(realm)) {
      const mode = idp.config.syncMode;
      if (mode === 'FORCE') continue;
      yield {
        path: idpConfigPath(idp, 'syncMode'),
        messageId: 'notForce',
        data: { alias: idp.alias, mode: mode ? shown(mode) : 'unset (LEGACY)' },
        severity: severity === 'low' ? 'low' : 'info',
      };
    }
  },
});
