import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, oidcClients } from '../../entities.ts';
import { ASVS, FAPI2 } from '../../sources.ts';

const ATTRIBUTE = 'require.pushed.authorization.requests';

export default defineRule('clients', {
  id: 'par-required',
  title: 'Authorization requests are pushed (PAR)',
  severity: 'low',
  sources: [ASVS('V10.4.13 (pushed authorization requests, L3)'), FAPI2('§5.3.2.2 (PAR required)')],
  why: 'With PAR the authorization parameters go to Keycloak over an authenticated back channel, so they cannot be read or tampered with in the browser.',
  remediation: { baselineKey: 'clients[].requirePar', value: true },
  params: { baseline: { required: false }, strict: { required: true } },
  paramDocs: { required: 'Whether browser-flow clients must require PAR.' },
  messages: { notRequired: 'The client does not require pushed authorization requests.' },
  *check(realm, { required }) {
    if (!required) return;
    for (const client of oidcClients(realm)) {
      if (client.standardFlowEnabled && client.attributes[ATTRIBUTE] !== 'true') {
        yield { path: clientAttributePath(client, ATTRIBUTE), messageId: 'notRequired' };
      }
    }
  },
});
