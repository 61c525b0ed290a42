/**
 * One row per Keycloak constraint in model/constraints: a file that breaks it (what our loaders
 * must refuse, at the offending line) and the representation that breaks it (what Keycloak 26.7
 * refuses through the admin REST API). test/unit/model/keycloak-constraints.test.ts runs the
 * files through our loaders; test/integration/model/keycloak-constraints.test.ts sends the
 * representations to the real server. A constraint with a row here is proven on both sides.
 */

/** One admin REST call; `path` is below /admin/realms/{realm} ('' is the realm itself). */
export interface KeycloakStep {
  method: 'POST' | 'PUT';
  path: '' | '/clients' | '/components' | '/client-policies/policies' | '/client-policies/profiles';
  body: (realm: { name: string; id: string }) => unknown;
}

export interface ConstraintCase {
  id: string;
  /** The Keycloak class and method the constraint comes from. */
  keycloakSource: string;
  file: {
    name: 'case.yaml' | 'case.json';
    text: string;
    /** Text on the offending line: our error must point at that line. */
    at: string;
    keyPath: string;
    /** A part of our message. */
    ours: string;
  };
  keycloak: {
    /** Calls that must succeed first (realm settings the refusal depends on). */
    setup?: KeycloakStep[];
    send: KeycloakStep;
    /** A part of Keycloak's refusal (errorMessage or error_description). */
    refusal: string;
  };
}

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
const realmUpdate = (settings: Record<string, unknown>): KeycloakStep => ({
  method: 'PUT',
  path: '',
  body: () => settings,
});
const newClient = (client: Record<string, unknown>): KeycloakStep => ({
  method: 'POST',
  path: '/clients',
  body: () => ({ clientId: 'app', ...client }),
});
const newKey = (providerId: string, config: Record<string, string>): KeycloakStep => ({
  method: 'POST',
  path: '/components',
  body: (realm) => ({
    name: 'k',
    providerId,
    providerType: 'org.keycloak.keys.KeyProvider',
    parentId: realm.id,
    config: Object.fromEntries(Object.entries(config).map(([key, value]) => [key, [value]])),
  }),
});
const policies = (list: { name: string; profiles: string[] }[]): KeycloakStep => ({
  method: 'PUT',
  path: '/client-policies/policies',
  body: () => ({ policies: list.map((policy) => ({ ...policy, enabled: true, conditions: [] })) }),
});
/** A realm export with one key provider component. */
const exportWithKey = (providerId: string, config: Record<string, string>): string =>
  JSON.stringify(
    {
      realm: 'r',
      components: {
        'org.keycloak.keys.KeyProvider': [
          {
            name: 'k',
            providerId,
            config: Object.fromEntries(Object.entries(config).map(([key, value]) => [key, [value]])),
          },
        ],
      },
    },
    null,
    2,
  );
const exportWithPolicies = (list: { name: string; profiles: string[] }[]): string =>
  JSON.stringify({ realm: 'r', clientPolicies: { policies: list } }, null, 2);

const SESSIONS = 'DefaultExportImportManager#validateClientAndRealmTimeouts (updateRealm)';
const CLIENT_SESSIONS = 'DefaultClientValidationProvider#validateClientSessionTimeout';
const CLIENT_URLS = 'DefaultClientValidationProvider#validateUrls / checkUri';
const PASSWORD = 'PasswordPolicy$Builder#build → PasswordPolicyProvider#parseConfig';
const POLICIES = 'ClientPoliciesUtil#validatePolicies';

export const CONSTRAINT_CASES: readonly ConstraintCase[] = [
  // ---------------------------------------------------------------- realm
  {
    id: 'realm client session idle above SSO idle',
    keycloakSource: SESSIONS,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'sessions:', '  ssoSessionIdleTimeout: 10m', '  clientSessionIdleTimeout: 20m'),
      at: 'clientSessionIdleTimeout',
      keyPath: 'sessions.clientSessionIdleTimeout',
      ours: 'clientSessionIdleTimeout (1200s) is longer than the SSO session idle timeout (600s',
    },
    keycloak: {
      send: realmUpdate({ ssoSessionIdleTimeout: 600, clientSessionIdleTimeout: 1200 }),
      refusal: 'Client Session Idle Timeout cannot be greater than Realm SSO Idle Timeout',
    },
  },
  {
    id: 'realm client session max above SSO max',
    keycloakSource: SESSIONS,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'sessions:', '  ssoSessionMaxLifespan: 10h', '  clientSessionMaxLifespan: 20h'),
      at: 'clientSessionMaxLifespan',
      keyPath: 'sessions.clientSessionMaxLifespan',
      ours: 'clientSessionMaxLifespan (72000s) is longer than the SSO session max lifespan (36000s',
    },
    keycloak: {
      send: realmUpdate({ ssoSessionMaxLifespan: 36000, clientSessionMaxLifespan: 72000 }),
      refusal: 'Client session max lifespan cannot exceed realm SSO session max lifespan',
    },
  },
  {
    id: 'realm client session idle above both SSO idle values with remember me',
    keycloakSource: SESSIONS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'sessions:',
        '  rememberMe: true',
        '  ssoSessionIdleTimeout: 10m',
        '  ssoSessionIdleTimeoutRememberMe: 15m',
        '  clientSessionIdleTimeout: 20m',
      ),
      at: 'clientSessionIdleTimeout',
      keyPath: 'sessions.clientSessionIdleTimeout',
      ours: '(900s, ssoSessionIdleTimeout or ssoSessionIdleTimeoutRememberMe, whichever is longer)',
    },
    keycloak: {
      send: realmUpdate({
        rememberMe: true,
        ssoSessionIdleTimeout: 600,
        ssoSessionIdleTimeoutRememberMe: 900,
        clientSessionIdleTimeout: 1200,
      }),
      refusal: 'cannot exceed realm SSO session idle timeout and RememberMe idle timeout',
    },
  },
  {
    id: 'realm name with a character Keycloak reserves',
    keycloakSource: 'RealmAdminResource#updateRealm → ReservedCharValidator#validate',
    file: {
      name: 'case.yaml',
      text: yaml("realm: 'shop:eu'", 'enabled: true'),
      at: 'realm:',
      keyPath: 'realm',
      ours: "the realm name 'shop:eu' has the character ':'",
    },
    keycloak: { send: realmUpdate({ realm: 'shop:eu' }), refusal: 'not allowed' },
  },
  {
    id: 'blank realm name',
    keycloakSource: 'DefaultExportImportManager#updateRealm (RealmManager#createRealm alike)',
    file: {
      name: 'case.yaml',
      text: yaml("realm: '   '", 'enabled: true'),
      at: 'realm:',
      keyPath: 'realm',
      ours: 'the realm name is blank',
    },
    keycloak: { send: realmUpdate({ realm: '   ' }), refusal: 'Realm name cannot be empty' },
  },
  {
    id: 'browser security header with a line break',
    keycloakSource: 'RealmAdminResource#updateRealm → ReservedCharValidator#validateSecurityHeaders',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'security:',
        '  browserSecurityHeaders:',
        `    contentSecurityPolicy: "frame-src 'self';\\nobject-src 'none';"`,
      ),
      at: 'contentSecurityPolicy',
      keyPath: 'security.browserSecurityHeaders.contentSecurityPolicy',
      ours: 'the contentSecurityPolicy header has a line break',
    },
    keycloak: {
      send: realmUpdate({ browserSecurityHeaders: { contentSecurityPolicy: "frame-src 'self';\nobject-src 'none';" } }),
      refusal: 'Newline not allowed.',
    },
  },
  // ---------------------------------------------------------------- password policy
  {
    id: 'unknown password policy',
    keycloakSource: PASSWORD,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'security:', '  passwordPolicy:', '    - length(12)', '    - lenght(12)'),
      at: 'lenght',
      keyPath: 'security.passwordPolicy[1]',
      ours: "no password policy 'lenght'",
    },
    keycloak: {
      send: realmUpdate({ passwordPolicy: 'length(12) and lenght(12)' }),
      refusal: 'Password policy not found',
    },
  },
  {
    id: 'password policy length that is not a number',
    keycloakSource: PASSWORD,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'security:', '  passwordPolicy: [length(twelve)]'),
      at: 'twelve',
      keyPath: 'security.passwordPolicy[0]',
      ours: 'length(twelve): Keycloak wants a whole number',
    },
    keycloak: {
      send: realmUpdate({ passwordPolicy: 'length(twelve)' }),
      refusal: 'Invalid config for length: Not a valid number',
    },
  },
  {
    id: 'password policy digits that is not a number (a 500 from Keycloak)',
    keycloakSource: PASSWORD,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'security:', '  passwordPolicy:', '    - digits(one)'),
      at: 'digits',
      keyPath: 'security.passwordPolicy[0]',
      ours: 'digits(one): Keycloak wants a whole number',
    },
    keycloak: { send: realmUpdate({ passwordPolicy: 'digits(one)' }), refusal: 'Failed to update realm' },
  },
  {
    id: 'password policy with an unknown hash algorithm',
    keycloakSource: `${PASSWORD} (HashAlgorithmPasswordPolicyProviderFactory)`,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'security:', '  passwordPolicy:', '    - hashAlgorithm(md5)'),
      at: 'md5',
      keyPath: 'security.passwordPolicy[0]',
      ours: 'hashAlgorithm(md5): Keycloak has no such password hashing provider',
    },
    keycloak: {
      send: realmUpdate({ passwordPolicy: 'hashAlgorithm(md5)' }),
      refusal: 'Password hashing provider not found',
    },
  },
  {
    id: 'password policy with an invalid regular expression',
    keycloakSource: `${PASSWORD} (RegexPatternsPasswordPolicyProvider)`,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'security:', '  passwordPolicy:', '    - regexPattern([a-z)'),
      at: 'regexPattern',
      keyPath: 'security.passwordPolicy[0]',
      ours: 'Not a valid regular expression',
    },
    keycloak: {
      send: realmUpdate({ passwordPolicy: 'regexPattern([a-z)' }),
      refusal: 'Invalid config for regexPattern: Not a valid regular expression',
    },
  },
  {
    id: 'password policy hashAlgorithm without a value',
    keycloakSource: `${PASSWORD} (HashAlgorithmPasswordPolicyProviderFactory)`,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'security:', '  passwordPolicy: [length(12), hashAlgorithm]'),
      at: 'hashAlgorithm',
      keyPath: 'security.passwordPolicy[1]',
      ours: 'hashAlgorithm: Keycloak has no such password hashing provider',
    },
    keycloak: {
      send: realmUpdate({ passwordPolicy: 'length(12) and hashAlgorithm' }),
      refusal: 'Invalid config for hashAlgorithm',
    },
  },
  {
    id: 'password policy regexPattern without a value',
    keycloakSource: `${PASSWORD} (RegexPatternsPasswordPolicyProvider)`,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'security:', '  passwordPolicy:', '    - regexPattern'),
      at: 'regexPattern',
      keyPath: 'security.passwordPolicy[0]',
      ours: 'Config required',
    },
    keycloak: {
      send: realmUpdate({ passwordPolicy: 'regexPattern' }),
      refusal: 'Invalid config for regexPattern: Config required',
    },
  },
  // ---------------------------------------------------------------- clients
  {
    id: 'client session idle above the realm SSO idle',
    keycloakSource: CLIENT_SESSIONS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    lifespans:',
        '      clientSessionIdle: 1h',
      ),
      at: 'clientSessionIdle',
      keyPath: 'clients[0].lifespans.clientSessionIdle',
      ours: "client 'app': session idle timeout 3600s exceeds the realm's SSO session idle timeout 1800s",
    },
    keycloak: {
      setup: [realmUpdate({ ssoSessionIdleTimeout: 1800 })],
      send: newClient({ attributes: { 'client.session.idle.timeout': '3600' } }),
      refusal: 'Client session idle timeout cannot exceed realm SSO session idle timeout.',
    },
  },
  {
    id: 'client session max above the realm SSO max',
    keycloakSource: CLIENT_SESSIONS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    lifespans: { clientSessionMax: 20h }',
      ),
      at: 'clientSessionMax',
      keyPath: 'clients[0].lifespans.clientSessionMax',
      ours: "session max lifespan 72000s exceeds the realm's SSO session max lifespan 36000s",
    },
    keycloak: {
      setup: [realmUpdate({ ssoSessionMaxLifespan: 36000 })],
      send: newClient({ attributes: { 'client.session.max.lifespan': '72000' } }),
      refusal: 'Client session max lifespan cannot exceed realm SSO session max lifespan.',
    },
  },
  {
    id: 'client session idle above both SSO idle values with remember me',
    keycloakSource: CLIENT_SESSIONS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'sessions:',
        '  rememberMe: true',
        '  ssoSessionIdleTimeoutRememberMe: 1h',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    lifespans:',
        '      clientSessionIdle: 2h',
      ),
      at: 'clientSessionIdle:',
      keyPath: 'clients[0].lifespans.clientSessionIdle',
      ours: "session idle timeout 7200s exceeds the realm's SSO session idle timeout 3600s (ssoSessionIdleTimeout or ssoSessionIdleTimeoutRememberMe",
    },
    keycloak: {
      setup: [realmUpdate({ rememberMe: true, ssoSessionIdleTimeout: 1800, ssoSessionIdleTimeoutRememberMe: 3600 })],
      send: newClient({ attributes: { 'client.session.idle.timeout': '7200' } }),
      refusal: 'Client session idle timeout cannot exceed realm SSO session idle timeout and RememberMe idle timeout.',
    },
  },
  {
    id: 'client protocol Keycloak does not have (realm export)',
    keycloakSource: 'DefaultClientValidationProvider#validateProtocol',
    file: {
      name: 'case.json',
      text: JSON.stringify({ realm: 'r', clients: [{ clientId: 'app', protocol: 'openid-connect2' }] }, null, 2),
      at: '"protocol"',
      keyPath: 'clients[0].protocol',
      ours: "uses the protocol 'openid-connect2', which Keycloak does not have",
    },
    keycloak: { send: newClient({ protocol: 'openid-connect2' }), refusal: 'openid-connect2' },
  },
  {
    id: 'blank client id',
    keycloakSource: 'DefaultClientValidationProvider#validateClientId',
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'clients:', "  - clientId: '   '", '    redirectUris: [https://app.example.com/cb]'),
      at: 'clientId',
      keyPath: 'clients[0].clientId',
      ours: 'the client id is blank',
    },
    keycloak: {
      send: { method: 'POST', path: '/clients', body: () => ({ clientId: '   ' }) },
      refusal: 'Client ID cannot be blank',
    },
  },
  {
    id: 'redirect URI with a fragment',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris:',
        '      - https://app.example.com/ok',
        '      - https://app.example.com/cb#done',
      ),
      at: '#done',
      keyPath: 'clients[0].redirectUris[1]',
      ours: "redirect URI 'https://app.example.com/cb#done' has a fragment",
    },
    keycloak: {
      send: newClient({ redirectUris: ['https://app.example.com/ok', 'https://app.example.com/cb#done'] }),
      refusal: 'A redirect URI must not contain an URL fragment',
    },
  },
  {
    id: 'redirect URI with the javascript: scheme',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'clients:', '  - clientId: app', "    redirectUris: ['javascript:alert(1)']"),
      at: 'javascript',
      keyPath: 'clients[0].redirectUris[0]',
      ours: 'uses the javascript: scheme',
    },
    keycloak: {
      send: newClient({ redirectUris: ['javascript:alert(1)'] }),
      refusal: 'A redirect URI uses an illegal scheme',
    },
  },
  {
    id: 'redirect URI with the data: scheme',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml('realm: r', 'clients:', '  - clientId: app', "    redirectUris: ['DATA:text/html,hi']"),
      at: 'DATA',
      keyPath: 'clients[0].redirectUris[0]',
      ours: 'uses the data: scheme',
    },
    keycloak: {
      send: newClient({ redirectUris: ['DATA:text/html,hi'] }),
      refusal: 'A redirect URI uses an illegal scheme',
    },
  },
  {
    id: 'redirect URI that is not a URI (a space)',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris:',
        "      - 'https://app.example.com/a b'",
      ),
      at: 'a b',
      keyPath: 'clients[0].redirectUris[0]',
      ours: 'is not a valid URI',
    },
    keycloak: {
      send: newClient({ redirectUris: ['https://app.example.com/a b'] }),
      refusal: 'A redirect URI is not a valid URI',
    },
  },
  {
    id: 'post-logout redirect URI with a fragment',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    postLogoutRedirectUris:',
        "      - '+'",
        '      - https://app.example.com/bye#now',
      ),
      at: 'bye#now',
      keyPath: 'clients[0].postLogoutRedirectUris[1]',
      ours: "post-logout redirect URI 'https://app.example.com/bye#now' has a fragment",
    },
    keycloak: {
      send: newClient({ attributes: { 'post.logout.redirect.uris': '+##https://app.example.com/bye#now' } }),
      refusal: 'A post-logout redirect URI must not contain an URL fragment',
    },
  },
  {
    id: 'post-logout redirect URI with the javascript: scheme',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        "    postLogoutRedirectUris: ['javascript:void(0)']",
      ),
      at: 'javascript',
      keyPath: 'clients[0].postLogoutRedirectUris[0]',
      ours: 'uses the javascript: scheme',
    },
    keycloak: {
      send: newClient({ attributes: { 'post.logout.redirect.uris': 'javascript:void(0)' } }),
      refusal: 'A post-logout redirect URI uses an illegal scheme',
    },
  },
  {
    id: 'both use.jwks.url and use.jwks.string',
    keycloakSource: 'DefaultClientValidationProvider#validateJwks',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      use.jwks.url: 'true'",
        "      use.jwks.string: 'true'",
      ),
      at: 'use.jwks.string',
      keyPath: 'clients[0].attributes["use.jwks.string"]',
      ours: 'turns on both use.jwks.url and use.jwks.string',
    },
    keycloak: {
      send: newClient({ attributes: { 'use.jwks.url': 'true', 'use.jwks.string': 'true' } }),
      refusal: 'The "Use JWKS" switch and the switch "Use JWKS URL" cannot be ON at the same time.',
    },
  },
  {
    id: 'backchannel logout URL that is not absolute',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      backchannel.logout.url: 'logout/backchannel'",
      ),
      at: 'backchannel.logout.url',
      keyPath: 'clients[0].attributes["backchannel.logout.url"]',
      ours: "backchannel.logout.url 'logout/backchannel' is not a valid URL",
    },
    keycloak: {
      send: newClient({ attributes: { 'backchannel.logout.url': 'logout/backchannel' } }),
      refusal: 'Backchannel logout URL is not a valid URL',
    },
  },
  {
    id: 'front-channel logout URL with the javascript: scheme',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      frontchannel.logout.url: 'javascript:alert(1)'",
      ),
      at: 'frontchannel.logout.url',
      keyPath: 'clients[0].attributes["frontchannel.logout.url"]',
      ours: "frontchannel.logout.url 'javascript:alert(1)' uses the javascript: scheme",
    },
    keycloak: {
      send: newClient({ attributes: { 'frontchannel.logout.url': 'javascript:alert(1)' } }),
      refusal: 'Front-channel logout URL uses an illegal scheme',
    },
  },
  {
    id: 'JWKS URL with a protocol Java has no handler for',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      jwks.url: 'myapp://keys'",
      ),
      at: 'jwks.url',
      keyPath: 'clients[0].attributes["jwks.url"]',
      ours: "jwks.url 'myapp://keys' is not a valid URL",
    },
    keycloak: {
      send: newClient({ attributes: { 'jwks.url': 'myapp://keys' } }),
      refusal: 'JWKS URL is not a valid URL',
    },
  },
  {
    id: 'terms-of-service URL that is not a URI',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      tosUri: 'https://app.example.com/terms of use'",
      ),
      at: 'tosUri',
      keyPath: 'clients[0].attributes.tosUri',
      ours: 'is not a valid URL',
    },
    keycloak: {
      send: newClient({ attributes: { tosUri: 'https://app.example.com/terms of use' } }),
      refusal: 'Terms of service URL is not a valid URL',
    },
  },
  {
    id: 'policy URL with the data: scheme',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      policyUri: 'data:text/html,policy'",
      ),
      at: 'policyUri',
      keyPath: 'clients[0].attributes.policyUri',
      ours: 'uses the data: scheme',
    },
    keycloak: {
      send: newClient({ attributes: { policyUri: 'data:text/html,policy' } }),
      refusal: 'Policy URL uses an illegal scheme',
    },
  },
  {
    id: 'logo URL with the javascript: scheme',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      logoUri: 'javascript:alert(1)'",
      ),
      at: 'logoUri',
      keyPath: 'clients[0].attributes.logoUri',
      ours: 'uses the javascript: scheme',
    },
    keycloak: {
      send: newClient({ attributes: { logoUri: 'javascript:alert(1)' } }),
      refusal: 'Logo URL uses an illegal scheme',
    },
  },
  {
    id: 'request URI with the javascript: scheme',
    keycloakSource: CLIENT_URLS,
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'clients:',
        '  - clientId: app',
        '    redirectUris: [https://app.example.com/cb]',
        '    attributes:',
        "      request.uris: 'https://app.example.com/r##javascript:alert(1)'",
      ),
      at: 'request.uris',
      keyPath: 'clients[0].attributes["request.uris"]',
      ours: 'uses the javascript: scheme',
    },
    keycloak: {
      send: newClient({ attributes: { 'request.uris': 'https://app.example.com/r##javascript:alert(1)' } }),
      refusal: 'Valid request URIs has a value with illegal scheme',
    },
  },
  // ---------------------------------------------------------------- key providers
  {
    id: 'RSA key size Keycloak does not offer',
    keycloakSource:
      'AbstractGeneratedRsaKeyProviderFactory#validateConfiguration (CryptoProvider#getSupportedRsaKeySizes)',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'keys:',
        '  providers:',
        '    - name: k',
        '      type: rsa-generated',
        '      keySize: 1536',
      ),
      at: 'keySize',
      keyPath: 'keys.providers[0].keySize',
      ours: "key provider 'k' (rsa-generated): keySize 1536 is not one Keycloak accepts",
    },
    keycloak: {
      send: newKey('rsa-generated', { keySize: '1536' }),
      refusal: "'Key size' should be 1024, 2048, 3072 or 4096",
    },
  },
  {
    id: 'RSA encryption key size Keycloak does not offer',
    keycloakSource: 'AbstractGeneratedRsaKeyProviderFactory#validateConfiguration',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'keys:',
        '  providers:',
        '    - name: k',
        '      type: rsa-enc-generated',
        '      keySize: 512',
      ),
      at: 'keySize',
      keyPath: 'keys.providers[0].keySize',
      ours: 'keySize 512 is not one Keycloak accepts',
    },
    keycloak: {
      send: newKey('rsa-enc-generated', { keySize: '512' }),
      refusal: "'Key size' should be 1024, 2048, 3072 or 4096",
    },
  },
  {
    id: 'HMAC secret size Keycloak does not offer',
    keycloakSource: 'AbstractGeneratedSecretKeyProviderFactory#validateConfiguration (Attributes.SECRET_SIZE_PROPERTY)',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'keys:',
        '  providers:',
        '    - name: k',
        '      type: hmac-generated',
        '      secretSize: 20',
      ),
      at: 'secretSize',
      keyPath: 'keys.providers[0].secretSize',
      ours: 'secretSize 20 is not one Keycloak accepts',
    },
    keycloak: {
      send: newKey('hmac-generated', { secretSize: '20' }),
      refusal: "'Secret size' should be 16, 24, 32, 64, 128, 256 or 512",
    },
  },
  {
    id: 'AES secret size Keycloak does not offer',
    keycloakSource: 'AbstractGeneratedSecretKeyProviderFactory#validateConfiguration (Attributes.SECRET_SIZE_PROPERTY)',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'keys:',
        '  providers:',
        '    - name: k',
        '      type: aes-generated',
        '      secretSize: 20',
      ),
      at: 'secretSize',
      keyPath: 'keys.providers[0].secretSize',
      ours: 'secretSize 20 is not one Keycloak accepts',
    },
    keycloak: {
      send: newKey('aes-generated', { secretSize: '20' }),
      refusal: "'Secret size' should be 16, 24, 32, 64, 128, 256 or 512",
    },
  },
  {
    id: 'ECDSA key on an EdDSA curve',
    keycloakSource: 'AbstractGeneratedEcKeyProviderFactory#validateConfiguration (GeneratedEcdsaKeyProviderFactory)',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'keys:',
        '  providers:',
        '    - name: k',
        '      type: ecdsa-generated',
        '      ellipticCurve: Ed25519',
      ),
      at: 'ellipticCurve',
      keyPath: 'keys.providers[0].ellipticCurve',
      ours: 'ellipticCurve Ed25519 is not one Keycloak accepts',
    },
    keycloak: {
      send: newKey('ecdsa-generated', { ecdsaEllipticCurveKey: 'Ed25519' }),
      refusal: "'Elliptic Curve' should be P-256, P-384 or P-521",
    },
  },
  {
    id: 'ECDH key on an EdDSA curve',
    keycloakSource: 'AbstractGeneratedEcKeyProviderFactory#validateConfiguration (GeneratedEcdhKeyProviderFactory)',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'keys:',
        '  providers:',
        '    - name: k',
        '      type: ecdh-generated',
        '      ellipticCurve: Ed448',
      ),
      at: 'ellipticCurve',
      keyPath: 'keys.providers[0].ellipticCurve',
      ours: 'ellipticCurve Ed448 is not one Keycloak accepts',
    },
    keycloak: {
      send: newKey('ecdh-generated', { ecdhEllipticCurveKey: 'Ed448' }),
      refusal: "'Elliptic Curve' should be P-256, P-384 or P-521",
    },
  },
  {
    id: 'EdDSA key on a NIST curve',
    keycloakSource: 'GeneratedEddsaKeyProviderFactory#validateConfiguration',
    file: {
      name: 'case.yaml',
      text: yaml(
        'realm: r',
        'keys:',
        '  providers:',
        '    - name: k',
        '      type: eddsa-generated',
        '      ellipticCurve: P-256',
      ),
      at: 'ellipticCurve',
      keyPath: 'keys.providers[0].ellipticCurve',
      ours: 'ellipticCurve P-256 is not one Keycloak accepts',
    },
    keycloak: {
      send: newKey('eddsa-generated', { eddsaEllipticCurveKey: 'P-256' }),
      refusal: "'Elliptic Curve' should be Ed25519 or Ed448",
    },
  },
  {
    id: 'key priority that is not a number (realm export)',
    keycloakSource: 'ConfigurationValidationHelper#checkLong (every key provider factory)',
    file: {
      name: 'case.json',
      text: exportWithKey('hmac-generated', { priority: '1.5' }),
      at: '"priority"',
      keyPath: 'components["org.keycloak.keys.KeyProvider"][0].config.priority',
      ours: "priority '1.5' is not a whole number",
    },
    keycloak: { send: newKey('hmac-generated', { priority: '1.5' }), refusal: "'Priority' should be a number" },
  },
  {
    id: 'key enabled that is not true or false (realm export)',
    keycloakSource: 'ConfigurationValidationHelper#checkBoolean (every key provider factory)',
    file: {
      name: 'case.json',
      text: exportWithKey('rsa-generated', { enabled: 'yes' }),
      at: '"enabled"',
      keyPath: 'components["org.keycloak.keys.KeyProvider"][0].config.enabled',
      ours: "enabled 'yes' is not 'true' or 'false'",
    },
    keycloak: { send: newKey('rsa-generated', { enabled: 'yes' }), refusal: "'Enabled' should be 'true' or 'false'" },
  },
  {
    id: 'key active that is not lower-case true or false (realm export)',
    keycloakSource: 'ConfigurationValidationHelper#checkBoolean (every key provider factory)',
    file: {
      name: 'case.json',
      text: exportWithKey('ecdsa-generated', { active: 'TRUE' }),
      at: '"active"',
      keyPath: 'components["org.keycloak.keys.KeyProvider"][0].config.active',
      ours: "active 'TRUE' is not 'true' or 'false'",
    },
    keycloak: { send: newKey('ecdsa-generated', { active: 'TRUE' }), refusal: "'Active' should be 'true' or 'false'" },
  },
  // ---------------------------------------------------------------- client policies
  {
    id: 'two realm client profiles with one name (realm export)',
    keycloakSource: 'ClientPoliciesUtil#getValidatedClientProfilesForUpdate',
    file: {
      name: 'case.json',
      text: JSON.stringify({ realm: 'r', clientProfiles: { profiles: [{ name: 'mine' }, { name: 'mine' }] } }, null, 2),
      at: '"name": "mine"',
      keyPath: 'clientProfiles.profiles[1].name',
      ours: "client profile 'mine' is defined twice",
    },
    keycloak: {
      send: {
        method: 'PUT',
        path: '/client-policies/profiles',
        body: () => ({
          profiles: [
            { name: 'mine', executors: [] },
            { name: 'mine', executors: [] },
          ],
        }),
      },
      refusal: 'proposed client profile name duplicated.',
    },
  },
  {
    id: 'realm client profile named like a built-in one (realm export)',
    keycloakSource: 'ClientPoliciesUtil#getValidatedClientProfilesForUpdate',
    file: {
      name: 'case.json',
      text: JSON.stringify({ realm: 'r', clientProfiles: { profiles: [{ name: 'fapi-1-baseline' }] } }, null, 2),
      at: '"name": "fapi-1-baseline"',
      keyPath: 'clientProfiles.profiles[0].name',
      ours: "the realm defines a client profile 'fapi-1-baseline'",
    },
    keycloak: {
      send: {
        method: 'PUT',
        path: '/client-policies/profiles',
        body: () => ({ profiles: [{ name: 'fapi-1-baseline', executors: [] }] }),
      },
      refusal: 'fapi-1-baseline',
    },
  },
  {
    id: 'client policy naming a profile nobody defines (realm export)',
    keycloakSource: POLICIES,
    file: {
      name: 'case.json',
      text: exportWithPolicies([{ name: 'p', profiles: ['fapi-2-security-profil'] }]),
      at: '"fapi-2-security-profil"',
      keyPath: 'clientPolicies.policies[0].profiles[0]',
      ours: "names profile 'fapi-2-security-profil', which neither Keycloak nor the realm defines",
    },
    keycloak: {
      send: policies([{ name: 'p', profiles: ['fapi-2-security-profil'] }]),
      refusal: 'Policy p contains invalid profile fapi-2-security-profil',
    },
  },
  {
    id: 'client policy listing a profile twice (realm export)',
    keycloakSource: POLICIES,
    file: {
      name: 'case.json',
      text: exportWithPolicies([{ name: 'p', profiles: ['fapi-1-baseline', 'fapi-1-baseline'] }]),
      at: '"fapi-1-baseline"',
      keyPath: 'clientPolicies.policies[0].profiles[1]',
      ours: "lists profile 'fapi-1-baseline' twice",
    },
    keycloak: {
      send: policies([{ name: 'p', profiles: ['fapi-1-baseline', 'fapi-1-baseline'] }]),
      refusal: 'Policy p contains duplicated profiles',
    },
  },
  {
    id: 'two client policies with one name (realm export)',
    keycloakSource: POLICIES,
    file: {
      name: 'case.json',
      text: exportWithPolicies([
        { name: 'p', profiles: [] },
        { name: 'p', profiles: [] },
      ]),
      at: '"name": "p"',
      keyPath: 'clientPolicies.policies[1].name',
      ours: "client policy 'p' is declared twice",
    },
    keycloak: {
      send: policies([
        { name: 'p', profiles: [] },
        { name: 'p', profiles: [] },
      ]),
      refusal: 'proposed client policy name duplicated',
    },
  },
];

/** The 1-based number of the last line containing `at` (the offending one comes after any earlier mention). */
export function lineOf(text: string, at: string): number {
  return text.split('\n').reduce((found, line, index) => (line.includes(at) ? index + 1 : found), -1);
}

/**
 * Redirect URIs on both sides of java.net.URI's grammar and of Keycloak's scheme and fragment
 * checks. The integration test sends each to Keycloak and expects the verdict our loader gives.
 */
export const REDIRECT_URI_CORPUS: readonly string[] = [
  'https://app.example.com/cb',
  'https://app.example.com/*',
  '/relative/*',
  'relative/path',
  '//app.example.com/cb',
  'com.example.app:/cb',
  'myapp://callback',
  'urn:ietf:wg:oauth:2.0:oob',
  'mailto:a@b.example',
  'http://[::1]:8080/cb',
  'http://127.0.0.1:*/cb',
  'https://user:pw@app.example.com:8443/cb',
  'https://app.example.com:abc/cb',
  'https://ü.example/ä',
  'https://app.example.com/cb?a=b&c=[1]',
  "https://app.example.com/~user/(x)/it's",
  'https://app.example.com/%41',
  'https:///path',
  'https://app.example.com/a b',
  'https://app.example.com/a\u00a0b',
  ' https://app.example.com/',
  'https://app.example.com/a|b',
  'https://app.example.com/{x}',
  'https://app.example.com/a^b',
  'https://app.example.com/a`b',
  'https://app.example.com/a\\b',
  'https://app.example.com/"q"',
  'https://app.example.com/<a>',
  'https://app.example.com/p[1]',
  'https://app.example.com/%zz',
  'https://app.example.com/%',
  'http://[::1/cb',
  'https:',
  'https://',
  '1https://app.example.com/',
  'https://app.example.com/#',
  'https://app.example.com/cb#a#b',
  'https://app.example.com/cb#frag',
  'JavaScript:alert(1)',
  'data:,x',
];
