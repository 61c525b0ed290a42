/** Rule tables of the SAML client rules: each case changes one attribute of the hardened SAML client 'saml-sp'. */
import samlAssertionEncryption from '../../../../policies/rules/clients/saml-assertion-encryption.ts';
import samlAssertionSignature from '../../../../policies/rules/clients/saml-assertion-signature.ts';
import samlClientSignature from '../../../../policies/rules/clients/saml-client-signature.ts';
import samlOneTimeUse from '../../../../policies/rules/clients/saml-one-time-use.ts';
import samlRedirectUriWildcard from '../../../../policies/rules/clients/saml-redirect-uri-wildcard.ts';
import samlSignatureAlgorithm from '../../../../policies/rules/clients/saml-signature-algorithm.ts';
import redirectUriWildcard from '../../../../policies/rules/clients/redirect-uri-wildcard.ts';
import type { RealmSettings } from '../../../../model/realm-settings.ts';
import type { Rule } from '../../../../policies/define-rule.ts';
import { allOf } from '../../../support/entity-fixtures.ts';
import { client, ruleTable } from '../rule-table.ts';

const rule = (r: unknown) => r as Rule;
const SP = 'saml-sp';
const attribute = (name: string) => ['clients', SP, 'attributes', name];
const setAttribute = (name: string, value: string | undefined) => (r: RealmSettings) => {
  const { attributes } = client(r, SP);
  if (value === undefined) Reflect.deleteProperty(attributes, name);
  else attributes[name] = value;
};
const disabled = (r: RealmSettings) => {
  client(r, SP).enabled = false;
};
/** A redirect URI on a client that accepts unsigned requests (else every wildcard is low: see below). */
const redirect = (uri: string, version?: string) => (r: RealmSettings) => {
  client(r, SP).redirectUris = [uri];
  client(r, SP).attributes['saml.client.signature'] = 'false';
  if (version) r.keycloakVersion = version;
};

ruleTable(rule(samlRedirectUriWildcard), {
  valid: [
    { name: 'a wildcard on a disabled SAML client', change: allOf(redirect('*'), disabled) },
    {
      name: 'no redirect URI at all',
      change: (r) => {
        client(r, SP).redirectUris = [];
      },
    },
  ],
  invalid: [
    {
      name: "'*' alone",
      change: redirect('*'),
      errors: [{ messageId: 'open', path: ['clients', SP, 'redirectUris', '0'] }],
    },
    {
      name: "'https://*' (every https URL)",
      change: redirect('https://*'),
      errors: [{ messageId: 'open', path: ['clients', SP, 'redirectUris', '0'] }],
    },
    {
      name: 'a path wildcard',
      change: redirect('https://sp.example.com/*'),
      errors: [{ messageId: 'path', path: ['clients', SP, 'redirectUris', '0'], severity: 'medium' }],
    },
    {
      name: "'https://host*' on 26.7.3: a path wildcard",
      change: redirect('https://sp.example.com*', '26.7.3'),
      errors: [{ messageId: 'hostPath', path: ['clients', SP, 'redirectUris', '0'], severity: 'medium' }],
    },
    {
      name: "'https://host*' on 26.6.2: a host prefix",
      change: redirect('https://sp.example.com*', '26.6.2'),
      errors: [{ messageId: 'hostPrefix', path: ['clients', SP, 'redirectUris', '0'], severity: 'critical' }],
    },
    {
      name: "'https://host*' with no version",
      change: redirect('https://sp.example.com*'),
      errors: [{ messageId: 'hostPathUnknownVersion', path: ['clients', SP, 'redirectUris', '0'], severity: 'medium' }],
    },
    {
      name: "'*' on a client whose requests must be signed",
      change: (r) => {
        client(r, SP).redirectUris = ['*'];
      },
      errors: [{ messageId: 'signedRequests', path: ['clients', SP, 'redirectUris', '0'], severity: 'low' }],
    },
    {
      name: 'a * in the host: a dead entry',
      change: redirect('https://*.example.com/acs'),
      errors: [{ messageId: 'dead', path: ['clients', SP, 'redirectUris', '0'], severity: 'low' }],
    },
  ],
});

// The OpenID Connect rule leaves SAML clients to the rule above.
ruleTable(rule(redirectUriWildcard), {
  valid: [{ name: "'*' on a SAML client", change: redirect('*') }],
  invalid: [],
});

ruleTable(rule(samlAssertionSignature), {
  valid: [
    { name: 'assertion signed, response not', change: setAttribute('saml.server.signature', 'false') },
    { name: "'TRUE' in capitals (Java's parseBoolean)", change: setAttribute('saml.assertion.signature', 'TRUE') },
    {
      name: 'nothing signed on a disabled client',
      change: allOf(
        setAttribute('saml.assertion.signature', 'false'),
        setAttribute('saml.server.signature', 'false'),
        disabled,
      ),
    },
  ],
  invalid: [
    {
      name: "only the response signed (Keycloak's default)",
      change: setAttribute('saml.assertion.signature', undefined),
      errors: [{ messageId: 'responseOnly', path: attribute('saml.assertion.signature'), severity: 'low' }],
    },
    {
      name: 'nothing signed',
      change: allOf(setAttribute('saml.assertion.signature', 'false'), setAttribute('saml.server.signature', 'false')),
      errors: [{ messageId: 'unsigned', path: attribute('saml.server.signature') }],
    },
  ],
});

ruleTable(rule(samlClientSignature), {
  valid: [{ name: "unset (Keycloak's default is on)", change: setAttribute('saml.client.signature', undefined) }],
  invalid: [
    {
      name: 'client signature not required',
      change: setAttribute('saml.client.signature', 'false'),
      errors: [{ messageId: 'notRequired', path: attribute('saml.client.signature') }],
    },
  ],
});

ruleTable(rule(samlAssertionEncryption), {
  valid: [{ name: 'off on a disabled client', change: allOf(setAttribute('saml.encrypt', 'false'), disabled) }],
  invalid: [
    {
      name: "unset (Keycloak's default), baseline",
      change: setAttribute('saml.encrypt', undefined),
      errors: [{ messageId: 'off', path: attribute('saml.encrypt'), severity: 'low' }],
    },
    {
      name: 'off, strict',
      profile: 'strict',
      change: setAttribute('saml.encrypt', 'false'),
      errors: [{ messageId: 'off', path: attribute('saml.encrypt'), severity: 'medium' }],
    },
  ],
});

ruleTable(rule(samlSignatureAlgorithm), {
  valid: [
    { name: 'RSA_SHA512', change: setAttribute('saml.signature.algorithm', 'RSA_SHA512') },
    { name: 'unset (Keycloak signs with RSA_SHA256)', change: setAttribute('saml.signature.algorithm', undefined) },
  ],
  invalid: [
    {
      name: 'RSA_SHA1',
      change: setAttribute('saml.signature.algorithm', 'RSA_SHA1'),
      errors: [{ messageId: 'sha1', path: attribute('saml.signature.algorithm') }],
    },
    {
      name: 'DSA_SHA1',
      change: setAttribute('saml.signature.algorithm', 'DSA_SHA1'),
      errors: [{ messageId: 'sha1', path: attribute('saml.signature.algorithm') }],
    },
  ],
});

ruleTable(rule(samlOneTimeUse), {
  valid: [
    {
      name: 'missing on a disabled client',
      change: allOf(setAttribute('saml.onetimeuse.condition', undefined), disabled),
    },
  ],
  invalid: [
    {
      name: "unset (Keycloak's default), baseline",
      change: setAttribute('saml.onetimeuse.condition', undefined),
      errors: [{ messageId: 'missing', path: attribute('saml.onetimeuse.condition'), severity: 'low' }],
    },
    {
      name: 'off, strict',
      profile: 'strict',
      change: setAttribute('saml.onetimeuse.condition', 'false'),
      errors: [{ messageId: 'missing', path: attribute('saml.onetimeuse.condition'), severity: 'medium' }],
    },
  ],
});
