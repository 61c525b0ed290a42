import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, oidcClients } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

const PKCE = 'pkce.code.challenge.method';

export default defineRule('clients', {
  id: 'pkce-required',
  title: 'PKCE with S256 is required',
  severity: 'high',
  sources: [RFC9700('§2.1.1 (PKCE: public clients MUST, confidential SHOULD)'), ASVS('V10.4.6 (PKCE, plain rejected)')],
  why: 'PKCE binds the authorization code to the client that asked for it, so an intercepted or injected code is useless; public clients have no other protection.',
  remediation: { baselineKey: 'clients[].pkce', value: 'S256' },
  params: { baseline: { confidential: false }, strict: { confidential: true } },
  paramDocs: { confidential: 'Require PKCE of confidential clients too (medium); public clients always (high).' },
  messages: {
    missing: 'The {{access}} client does not require PKCE with S256 (pkce.code.challenge.method is {{actual}}).',
  },
  *check(realm, { confidential }) {
    for (const client of oidcClients(realm)) {
      if (!client.standardFlowEnabled) continue;
      const method = client.attributes[PKCE] ?? '';
      if (method === 'S256' || method === 'plain') continue; // plain is pkce-plain's finding
      if (!client.publicClient && !confidential) continue;
      yield {
        path: clientAttributePath(client, PKCE),
        messageId: 'missing',
        data: {
          access: client.publicClient ? 'public' : 'confidential',
          actual: method === '' ? 'unset' : `'${method}'`,
        },
        severity: client.publicClient ? 'high' : 'medium',
      };
    }
  },
});
