import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'implicit-flow',
  title: 'No client uses the implicit grant',
  severity: 'high',
  sources: [RFC9700('§2.1.2 (implicit grant SHOULD NOT be used)'), ASVS('V10.4.4 (no implicit or password grant)')],
  why: 'The implicit grant returns access tokens in the URL fragment, where history, referrers and injected scripts can read them, and cannot sender-constrain them.',
  remediation: { baselineKey: 'clients[].flows.implicit', value: false },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { enabled: 'The implicit grant is enabled.' },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (client.implicitFlowEnabled) yield { path: clientPath(client, 'implicitFlowEnabled'), messageId: 'enabled' };
    }
  },
});
