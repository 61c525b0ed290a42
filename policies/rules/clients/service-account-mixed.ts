import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients } from '../../entities.ts';
import { RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'service-account-mixed',
  title: 'Service-account clients do not also run user flows',
  severity: 'info',
  sources: [RFC9700('§2.3 (least privilege)')],
  why: 'A client that is both a machine identity and a user-facing application mixes two sets of privileges; a flaw in the user-facing side hands out the service account’s roles.',
  remediation: {
    baselineKey: 'clients[].flows.serviceAccounts',
    value: false,
    note: 'split into a service client and a user-facing client',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { mixed: 'The client has a service account and also runs {{flows}}.' },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (!client.serviceAccountsEnabled) continue;
      const flows = [
        client.standardFlowEnabled && 'the standard flow',
        client.implicitFlowEnabled && 'the implicit flow',
        client.directAccessGrantsEnabled && 'direct access grants',
      ].filter((flow): flow is string => typeof flow === 'string');
      if (flows.length > 0)
        yield {
          path: clientPath(client, 'serviceAccountsEnabled'),
          messageId: 'mixed',
          data: { flows: flows.join(', ') },
        };
    }
  },
});
