/** Rule tables of the identity-provider rules: each case changes one setting of the hardened realm's providers or flows. */
import idpFirstLoginAutoLink from '../../../../policies/rules/identity-providers/idp-first-login-auto-link.ts';
import idpMapperSync from '../../../../policies/rules/identity-providers/idp-mapper-sync.ts';
import idpPkce from '../../../../policies/rules/identity-providers/idp-pkce.ts';
import idpSignatureValidation from '../../../../policies/rules/identity-providers/idp-signature-validation.ts';
import idpSyncMode from '../../../../policies/rules/identity-providers/idp-sync-mode.ts';
import samlIdpEncryptedAssertions from '../../../../policies/rules/identity-providers/saml-idp-encrypted-assertions.ts';
import samlIdpPostBinding from '../../../../policies/rules/identity-providers/saml-idp-post-binding.ts';
import samlIdpSignedAssertions from '../../../../policies/rules/identity-providers/saml-idp-signed-assertions.ts';
import samlIdpSignedAuthnRequests from '../../../../policies/rules/identity-providers/saml-idp-signed-authn-requests.ts';
import type { RealmSettings } from '../../../../model/realm-settings.ts';
import type { Rule } from '../../../../policies/define-rule.ts';
import { allOf, firstBrokerLoginFlows, identityProvider } from '../../../support/entity-fixtures.ts';
import { ruleTable } from '../rule-table.ts';

const rule = (r: unknown) => r as Rule;
const configPath = (alias: string, key: string) => ['identityProviders', alias, 'config', key];
/** Sets (or, with undefined, removes) one config key of one provider. */
const setConfig = (alias: string, key: string, value: string | undefined) => (r: RealmSettings) => {
  const { config } = identityProvider(r, alias);
  if (value === undefined) Reflect.deleteProperty(config, key);
  else config[key] = value;
};
const disable = (alias: string) => (r: RealmSettings) => {
  identityProvider(r, alias).enabled = false;
};
const noProviders = (r: RealmSettings) => {
  delete r.identityProviders;
};

ruleTable(rule(idpSignatureValidation), {
  valid: [
    { name: 'a source without identity providers', change: noProviders },
    {
      name: 'validation off on a disabled provider',
      change: allOf(setConfig('partner-saml', 'validateSignature', 'false'), disable('partner-saml')),
    },
    { name: 'a social type, which has no such setting', change: setConfig('github', 'validateSignature', 'false') },
  ],
  invalid: [
    {
      name: "SAML, unset (Keycloak's default)",
      change: setConfig('partner-saml', 'validateSignature', undefined),
      errors: [{ messageId: 'saml', path: configPath('partner-saml', 'validateSignature'), severity: 'critical' }],
    },
    {
      name: 'OpenID Connect, off',
      change: setConfig('corporate-oidc', 'validateSignature', 'false'),
      errors: [{ messageId: 'oidc', path: configPath('corporate-oidc', 'validateSignature'), severity: 'high' }],
    },
    {
      name: 'keycloak-oidc, off',
      change: (r) => {
        identityProvider(r, 'corporate-oidc').providerId = 'keycloak-oidc';
        setConfig('corporate-oidc', 'validateSignature', 'false')(r);
      },
      errors: [{ messageId: 'oidc', path: configPath('corporate-oidc', 'validateSignature'), severity: 'high' }],
    },
  ],
});

ruleTable(rule(idpPkce), {
  valid: [
    { name: 'a social type', change: setConfig('github', 'pkceEnabled', 'false') },
    { name: 'a source without identity providers', change: noProviders },
  ],
  invalid: [
    {
      name: 'PKCE off, nonce on, baseline',
      change: setConfig('corporate-oidc', 'pkceEnabled', 'false'),
      errors: [{ messageId: 'missing', path: configPath('corporate-oidc', 'pkceEnabled'), severity: 'low' }],
    },
    {
      name: 'PKCE off, nonce on, strict',
      profile: 'strict',
      change: setConfig('corporate-oidc', 'pkceEnabled', undefined),
      errors: [{ messageId: 'missing', path: configPath('corporate-oidc', 'pkceEnabled'), severity: 'medium' }],
    },
    {
      name: 'PKCE off and nonce off',
      change: allOf(
        setConfig('corporate-oidc', 'pkceEnabled', 'false'),
        setConfig('corporate-oidc', 'disableNonce', 'true'),
      ),
      errors: [{ messageId: 'missing', path: configPath('corporate-oidc', 'pkceEnabled'), severity: 'medium' }],
    },
    {
      name: 'PKCE with plain',
      change: setConfig('corporate-oidc', 'pkceMethod', 'plain'),
      errors: [{ messageId: 'missing', path: configPath('corporate-oidc', 'pkceMethod'), severity: 'low' }],
    },
  ],
});

ruleTable(rule(samlIdpSignedAssertions), {
  valid: [
    // Without validation the signature is not checked at all: idp-signature-validation's finding.
    {
      name: 'validation off',
      change: allOf(
        setConfig('partner-saml', 'validateSignature', 'false'),
        setConfig('partner-saml', 'wantAssertionsSigned', 'false'),
      ),
    },
  ],
  invalid: [
    {
      name: 'assertions signed only through the response',
      change: setConfig('partner-saml', 'wantAssertionsSigned', undefined),
      errors: [{ messageId: 'responseOnly', path: configPath('partner-saml', 'wantAssertionsSigned') }],
    },
  ],
});

ruleTable(rule(samlIdpEncryptedAssertions), {
  valid: [
    {
      name: 'off on a disabled provider',
      change: allOf(setConfig('partner-saml', 'wantAssertionsEncrypted', 'false'), disable('partner-saml')),
    },
  ],
  invalid: [
    {
      name: 'off, baseline',
      change: setConfig('partner-saml', 'wantAssertionsEncrypted', 'false'),
      errors: [{ messageId: 'off', path: configPath('partner-saml', 'wantAssertionsEncrypted'), severity: 'low' }],
    },
    {
      name: 'unset, strict',
      profile: 'strict',
      change: setConfig('partner-saml', 'wantAssertionsEncrypted', undefined),
      errors: [{ messageId: 'off', path: configPath('partner-saml', 'wantAssertionsEncrypted'), severity: 'medium' }],
    },
  ],
});

ruleTable(rule(samlIdpSignedAuthnRequests), {
  valid: [
    {
      name: 'an OpenID Connect provider has no such setting',
      change: setConfig('corporate-oidc', 'wantAuthnRequestsSigned', 'false'),
    },
  ],
  invalid: [
    {
      name: 'unsigned, baseline',
      change: setConfig('partner-saml', 'wantAuthnRequestsSigned', undefined),
      errors: [{ messageId: 'unsigned', path: configPath('partner-saml', 'wantAuthnRequestsSigned'), severity: 'low' }],
    },
    {
      name: 'unsigned, strict',
      profile: 'strict',
      change: setConfig('partner-saml', 'wantAuthnRequestsSigned', 'false'),
      errors: [
        { messageId: 'unsigned', path: configPath('partner-saml', 'wantAuthnRequestsSigned'), severity: 'medium' },
      ],
    },
  ],
});

ruleTable(rule(samlIdpPostBinding), {
  valid: [
    {
      name: 'the artifact binding instead',
      change: allOf(
        setConfig('partner-saml', 'postBindingResponse', 'false'),
        setConfig('partner-saml', 'artifactBindingResponse', 'true'),
      ),
    },
  ],
  invalid: [
    {
      name: "unset (Keycloak's default: HTTP-Redirect)",
      change: setConfig('partner-saml', 'postBindingResponse', undefined),
      errors: [{ messageId: 'redirect', path: configPath('partner-saml', 'postBindingResponse') }],
    },
  ],
});

ruleTable(rule(idpSyncMode), {
  valid: [{ name: 'a source without identity providers', change: noProviders }],
  invalid: [
    {
      name: 'IMPORT, baseline',
      change: setConfig('github', 'syncMode', 'IMPORT'),
      errors: [{ messageId: 'notForce', path: configPath('github', 'syncMode'), severity: 'info' }],
    },
    {
      name: 'unset (LEGACY), strict',
      profile: 'strict',
      change: setConfig('partner-saml', 'syncMode', undefined),
      errors: [{ messageId: 'notForce', path: configPath('partner-saml', 'syncMode'), severity: 'low' }],
    },
  ],
});

const mapperPath = (alias: string, mapper: string) => [
  'identityProviders',
  alias,
  'mappers',
  mapper,
  'config',
  'syncMode',
];
const setMapperSync = (alias: string, mapper: string, mode: string | undefined) => (r: RealmSettings) => {
  const { config } = identityProvider(r, alias).mappers.find((candidate) => candidate.name === mapper)!;
  if (mode === undefined) Reflect.deleteProperty(config, 'syncMode');
  else config.syncMode = mode;
};

ruleTable(rule(idpMapperSync), {
  valid: [
    {
      name: 'a hardcoded mapper in IMPORT (it does not depend on the provider)',
      change: setMapperSync('partner-saml', 'staff', 'IMPORT'),
    },
    { name: 'INHERIT from a provider in FORCE', change: setMapperSync('corporate-oidc', 'admins', 'INHERIT') },
    {
      name: "Keycloak's hardcoded role mapper (oidc-hardcoded-role-idp-mapper) in IMPORT",
      change: allOf(setMapperSync('partner-saml', 'staff', 'IMPORT'), (r: RealmSettings) => {
        identityProvider(r, 'partner-saml').mappers.find((mapper) => mapper.name === 'staff')!.type =
          'oidc-hardcoded-role-idp-mapper';
      }),
    },
  ],
  invalid: [
    {
      name: 'a role mapper in IMPORT',
      change: setMapperSync('corporate-oidc', 'admins', 'IMPORT'),
      errors: [{ messageId: 'importRoles', path: mapperPath('corporate-oidc', 'admins'), severity: 'medium' }],
    },
    {
      name: 'a role mapper inheriting IMPORT from its provider',
      change: allOf(
        setMapperSync('corporate-oidc', 'admins', 'INHERIT'),
        setConfig('corporate-oidc', 'syncMode', 'IMPORT'),
      ),
      errors: [
        { messageId: 'notForce', path: mapperPath('corporate-oidc', 'department'), severity: 'low' },
        { messageId: 'importRoles', path: mapperPath('corporate-oidc', 'admins'), severity: 'medium' },
      ],
    },
    {
      name: 'an attribute mapper with its mode unset (LEGACY)',
      change: setMapperSync('corporate-oidc', 'department', undefined),
      errors: [{ messageId: 'notForce', path: mapperPath('corporate-oidc', 'department'), severity: 'low' }],
    },
  ],
});

const autoLinkFlow = (r: RealmSettings) => {
  const flows = firstBrokerLoginFlows('auto link');
  flows[0]!.executions = [
    { authenticator: 'idp-detect-existing-broker-user', requirement: 'REQUIRED' },
    { authenticator: 'idp-auto-link', requirement: 'REQUIRED' },
  ];
  r.authentication!.flows.push(flows[0]!);
};
const autoLinkInSubFlow = (r: RealmSettings) => {
  const verification = r.authentication!.flows.find((flow) => flow.alias.endsWith('account verification options'))!;
  verification.executions.unshift({ authenticator: 'idp-auto-link', requirement: 'ALTERNATIVE' });
};
const useFlow = (alias: string, flow: string) => (r: RealmSettings) => {
  identityProvider(r, alias).firstBrokerLoginFlowAlias = flow;
};
const flowPath = (alias: string) => ['identityProviders', alias, 'firstBrokerLoginFlowAlias'];

ruleTable(rule(idpFirstLoginAutoLink), {
  valid: [
    { name: 'an auto-link flow no provider uses', change: autoLinkFlow },
    {
      name: 'a source without flows',
      change: allOf(autoLinkInSubFlow, (r) => {
        delete r.authentication;
      }),
    },
    {
      name: 'auto-link on a link-only provider',
      change: allOf(autoLinkFlow, useFlow('github', 'auto link'), (r) => {
        identityProvider(r, 'github').linkOnly = true;
      }),
    },
    {
      name: 'auto-link disabled',
      change: (r) => {
        autoLinkInSubFlow(r);
        r.authentication!.flows.find((flow) =>
          flow.alias.endsWith('account verification options'),
        )!.executions[0]!.requirement = 'DISABLED';
      },
    },
  ],
  invalid: [
    {
      name: "one provider's own flow auto-links",
      change: allOf(autoLinkFlow, useFlow('github', 'auto link')),
      errors: [{ messageId: 'autoLink', path: flowPath('github') }],
    },
    {
      name: "the realm's default flow auto-links in a sub-flow: every provider on the default",
      change: autoLinkInSubFlow,
      errors: [
        { messageId: 'autoLink', path: flowPath('corporate-oidc') },
        { messageId: 'autoLink', path: flowPath('partner-saml') },
        { messageId: 'autoLink', path: flowPath('github') },
      ],
    },
  ],
});
