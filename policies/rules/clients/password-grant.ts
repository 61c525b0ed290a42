import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'password-grant',
  title: 'No client uses the resource-owner password grant',
  severity: 'high',
  sources: [
    RFC9700('§2.4 (resource owner password credentials grant MUST NOT be used)'),
    ASVS('V10.4.4 (no implicit or password grant)'),
  ],
  why: 'Direct access grants hand the user’s password to the client itself, skip the browser login flow (and what it adds: WebAuthn, identity-provider login), and train users to type passwords into apps. A public client has no secret, so anyone who knows its client id can use the grant.',
  remediation: { baselineKey: 'clients[].flows.directAccessGrants', value: false },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { enabled: 'Direct access grants (password grant) are enabled on a {{access}} client.' },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (!client.directAccessGrantsEnabled) continue;
      yield {
        path: clientPath(client, 'directAccessGrantsEnabled'),
        messageId: 'enabled',
        data: { access: client.publicClient ? 'public' : 'confidential' },
        severity: client.publicClient ? 'high' : 'medium',
      };
    }
  },
});
