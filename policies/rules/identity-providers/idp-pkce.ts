import { defineRule } from '../../define-rule.ts';
import { identityProviders, idpConfigPath, isOn, OIDC_BROKER_TYPES, shown } from '../../entities.ts';
import { RFC7636, RFC9700 } from '../../sources.ts';

export default defineRule('identity-providers', {
  id: 'idp-pkce',
  title: 'OpenID Connect identity providers use PKCE with S256',
  severity: 'medium',
  sources: [
    RFC9700('§2.1.1 (PKCE recommended for confidential clients; a nonce may stand in for OpenID Connect clients)'),
    RFC7636('§4.2 (S256)'),
  ],
  why:
    'As a broker, Keycloak is the client of the identity provider: without PKCE an authorization code stolen or injected on the way back can be redeemed in another login. ' +
    'Keycloak sends a nonce in each broker request unless `disableNonce` is set, and RFC 9700 accepts that in place of PKCE for confidential OpenID Connect clients, so a missing PKCE is low under the baseline profile, and medium when the nonce is off too.',
  remediation: {
    action: "Set pkceEnabled to 'true' and pkceMethod to S256 on the OpenID Connect identity provider.",
  },
  params: { baseline: { withNonce: 'low' }, strict: { withNonce: 'medium' } },
  paramDocs: { withNonce: "Severity when Keycloak still sends a nonce: 'low' (baseline) or 'medium' (strict)." },
  messages: {
    missing:
      "Keycloak does not use PKCE with S256 towards identity provider '{{alias}}' (pkceEnabled is {{enabled}}, pkceMethod {{method}}).",
  },
  *check(realm, { withNonce }) {
    for (const idp of identityProviders(realm, OIDC_BROKER_TYPES)) {
      const { pkceEnabled, pkceMethod, disableNonce } = idp.config;
      if (isOn(pkceEnabled) && pkceMethod === 'S256') continue;
      const nonceOff = isOn(disableNonce);
      yield {
        path: idpConfigPath(idp, isOn(pkceEnabled) ? 'pkceMethod' : 'pkceEnabled'),
        messageId: 'missing',
        data: { alias: idp.alias, enabled: shown(pkceEnabled), method: shown(pkceMethod) },
        severity: nonceOff || withNonce === 'medium' ? 'medium' : 'low',
      };
    }
  },
});
