import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients, samlClients } from '../../entities.ts';
import { ASVS } from '../../sources.ts';

export default defineRule('clients', {
  id: 'full-scope-allowed',
  title: 'Tokens carry only the roles the client needs',
  severity: 'low',
  sources: [ASVS('V10.4.11 (least privilege in tokens)')],
  why: 'With full scope allowed every role of the user lands in the client’s tokens — or, for a SAML client, in its assertions through the default `role list` mapper — so a token or assertion leaked from one application is good for all of them.',
  remediation: {
    baselineKey: 'clients[].fullScopeAllowed',
    value: false,
    note: 'and map the roles the client needs to its scope',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { full: 'Full scope allowed: tokens and assertions carry all of the user’s roles.' },
  *check(realm) {
    for (const client of [...oidcClients(realm), ...samlClients(realm)]) {
      if (client.fullScopeAllowed) yield { path: clientPath(client, 'fullScopeAllowed'), messageId: 'full' };
    }
  },
});
