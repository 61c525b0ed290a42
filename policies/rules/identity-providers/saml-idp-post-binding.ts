import { defineRule } from '../../define-rule.ts';
import { identityProviders, idpConfigPath, isOn } from '../../entities.ts';
import { SAML_PROFILES } from '../../sources.ts';

export default defineRule('identity-providers', {
  id: 'saml-idp-post-binding',
  title: 'SAML identity providers answer with the POST binding',
  severity: 'medium',
  sources: [
    SAML_PROFILES(
      '§4.1 (Web Browser SSO: the <Response> is sent by HTTP POST or Artifact; HTTP Redirect MUST NOT be used)',
    ),
  ],
  why: "With `postBindingResponse` off (and no artifact binding), Keycloak's AuthnRequest asks the identity provider for the HTTP-Redirect binding: the response, assertion included, would travel in a URL, into browser history, proxy logs and Referer headers, where a bearer assertion can be replayed.",
  remediation: {
    action: "Set postBindingResponse to 'true' on the SAML identity provider.",
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    redirect:
      "Keycloak asks SAML identity provider '{{alias}}' to answer with the HTTP-Redirect binding (postBindingResponse is not 'true').",
  },
  *check(realm) {
    for (const idp of identityProviders(realm, ['saml'])) {
      if (isOn(idp.config.postBindingResponse) || isOn(idp.config.artifactBindingResponse)) continue;
      yield { path: idpConfigPath(idp, 'postBindingResponse'), messageId: 'redirect', data: { alias: idp.alias } };
    }
  },
});
