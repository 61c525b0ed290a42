import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, oidcClients } from '../../entities.ts';
import { RFC8693 } from '../../sources.ts';

const STANDARD_TOKEN_EXCHANGE = 'standard.token.exchange.enabled';

export default defineRule('clients', {
  id: 'token-exchange-public',
  title: 'Token exchange is not switched on for public clients',
  severity: 'info',
  sources: [RFC8693('§5 (without client authentication anyone holding a token can exchange it)')],
  why: "Keycloak 26.7.3 stores standard token exchange on a public client but refuses every exchange it asks for ('Public client is not allowed to exchange token', shown on the server): the switch does nothing today, so it signals a design that expects a public client to trade tokens, which RFC 8693 warns against.",
  remediation: {
    baselineKey: 'clients[].attributes',
    value: { [STANDARD_TOKEN_EXCHANGE]: 'false' },
    note: 'exchange tokens from a confidential client instead',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { enabled: 'Standard token exchange is on for a public client (Keycloak refuses it: it has no effect).' },
  *check(realm) {
    for (const client of oidcClients(realm, { access: 'public' })) {
      if (client.attributes[STANDARD_TOKEN_EXCHANGE] === 'true')
        yield { path: clientAttributePath(client, STANDARD_TOKEN_EXCHANGE), messageId: 'enabled' };
    }
  },
});
