/**
 * HardenedClient: an OpenID Connect client with safe defaults from the profile — authorization
 * code with PKCE S256 only, implicit flow and password grant off unless asked for, exact
 * redirect URIs and web origins, full scope off, and the per-client token policy.
 *
 * About refresh tokens: Keycloak has no per-client "revoke refresh token" switch; rotation and
 * reuse detection (revokeRefreshToken, refreshTokenMaxReuse) are realm-wide (HardenedRealm), and a
 * client attribute does not change that (test/integration/policies/why-claims.test.ts).
 * The per-client levers are: refresh tokens on or off (`refreshTokens`), the client-session
 * idle and maximum lifetimes and their offline counterparts (which bound how long a refresh
 * token stays usable), the access-token lifetime, and binding tokens to the client (DPoP or
 * mTLS) so a stolen token is useless without the client's key.
 */
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
import { InputError } from '../model/errors.ts';
import { durationInput } from '../model/durations.ts';
import { clientProfileValues, type Profile } from '../model/profiles.ts';
import type { ClientSettings } from '../model/realm-settings.ts';
import { clientArgsFromSettings, type ClientDialectArgs } from '../model/provider-dialect.ts';
import { attributeFromOption, tokenBindingAttributes, type OptionFill } from '../model/client-options.ts';
import {
  clientAttributeRows,
  type ClientAttributesWhere,
  type ClientAttributeTable,
} from '../model/fields/client-attributes.ts';
import type { Duration } from './hardened-realm.ts';

/** What an attribute option takes, by the attribute's kind. */
interface AttributeOptionValue {
  seconds: Duration;
  boolean: boolean;
  text: string;
  'uri-list': string[];
}
type AttributeOptionOf<Row> = Row extends { component: { option: infer Option extends string } } ? Option : never;
type AttributeOptionValueOf<Row> = Row extends { component: { oneOf: readonly (infer Value)[] } }
  ? Value
  : Row extends { kind: infer Kind extends keyof AttributeOptionValue }
    ? AttributeOptionValue[Kind]
    : never;

/**
 * The options that set a Keycloak client attribute: one per row of the client attribute table
 * with a `component` option (model/fields/client-attributes.ts), whose doc says what it does and
 * whose kind or `oneOf` what it takes (lifespans: a Duration). Redirect-like URIs must be exact.
 */
export type HardenedClientAttributeOptions = {
  [
    K in ClientAttributesWhere<{ component: { option: string } }> as AttributeOptionOf<ClientAttributeTable[K]>
  ]?: AttributeOptionValueOf<ClientAttributeTable[K]>;
};

/** The friendly form: what a platform team writes for one application. */
export interface HardenedClientOptions extends HardenedClientAttributeOptions {
  /** The realm the client belongs to (a HardenedRealm's realmId). */
  realmId: pulumi.Input<string>;
  /** The client id applications send (client_id). */
  clientId: string;
  /** Display name in the admin console. */
  name?: string;
  /** 'public' (browser or native app, no secret) or 'confidential' (a backend that can keep a credential). */
  accessType?: 'public' | 'confidential';
  /** Which profile fills what these options leave out. */
  profile?: Profile;
  /** Exact redirect URIs (no wildcards). Required for the authorization-code flow. */
  redirectUris?: string[];
  /** Exact origins allowed for CORS (no '*'); '+' means "the origins of the redirect URIs". */
  webOrigins?: string[];
  /** Authorization-code flow; on when there are redirect URIs. */
  standardFlow?: boolean;
  /** The implicit flow (tokens in the URL fragment). Off unless you ask; RFC 9700 says don't. */
  implicitFlow?: boolean;
  /** The resource-owner password grant. Off unless you ask; RFC 9700 says don't. */
  passwordGrant?: boolean;
  /** Client-credentials grant (service account); confidential clients only. */
  serviceAccounts?: boolean;
  /** How a confidential client authenticates: client-secret, client-jwt (private_key_jwt) or client-x509 (mTLS). */
  authenticator?: 'client-secret' | 'client-jwt' | 'client-x509';
  /** client-secret: a secret to set (a Pulumi secret, e.g. from `pulumi config set --secret`); omitted, Keycloak generates one. */
  clientSecret?: pulumi.Input<string>;
  /** Put all the user's roles into tokens. Off by default: tokens carry only the scoped roles. */
  fullScope?: boolean;
  /** Further Keycloak client attributes under their Keycloak keys. */
  attributes?: Record<string, string>;
}

/** The model form: a client exactly as a baseline declares it. */
export interface HardenedClientFromSettings {
  realmId: pulumi.Input<string>;
  settings: ClientSettings;
  clientSecret?: pulumi.Input<string>;
}

export type HardenedClientArgs = HardenedClientOptions | HardenedClientFromSettings;

export class HardenedClient extends pulumi.ComponentResource {
  /** Keycloak's internal id (UUID) of the client. */
  public readonly id: pulumi.Output<string>;
  public readonly clientId: pulumi.Output<string>;
  /** The client secret of a confidential client: a Pulumi secret, never plaintext in the state. */
  public readonly clientSecret: pulumi.Output<string>;
  /** The settings applied, in the model's vocabulary. */
  public readonly settings: ClientSettings;
  public readonly client: keycloak.openid.Client;

  constructor(name: string, args: HardenedClientArgs, opts?: pulumi.ComponentResourceOptions) {
    super('realmguard:index:HardenedClient', name, {}, opts);
    this.settings = 'settings' in args ? checkedClientSettings(args.settings) : hardenedClientSettings(args);
    const secret = args.clientSecret === undefined ? {} : { clientSecret: pulumi.secret(args.clientSecret) };
    // Every argument the dialect writes is one keycloak.openid.Client takes, with a type it accepts:
    // a table row naming an argument the provider lacks is a type error here.
    const clientArgs: Pick<keycloak.openid.ClientArgs, keyof ClientDialectArgs> = clientArgsFromSettings(
      this.settings,
      args.realmId,
    );
    this.client = new keycloak.openid.Client(
      `${name}-client`,
      { ...clientArgs, ...secret },
      { parent: this, additionalSecretOutputs: ['clientSecret'] },
    );
    this.id = this.client.id;
    this.clientId = this.client.clientId;
    this.clientSecret = pulumi.secret(this.client.clientSecret);
    this.registerOutputs({ id: this.id, clientId: this.clientId, clientSecret: this.clientSecret });
  }
}

/** The client the options describe, the profile filling the rest. Throws InputError. */
export function hardenedClientSettings(options: HardenedClientOptions): ClientSettings {
  const profile = clientProfileValues(options.profile ?? 'baseline');
  const where = (field: string) => ({ keyPath: `clients.${options.clientId}.${field}` });
  const accessType = options.accessType ?? 'confidential';
  const publicClient = accessType === 'public';
  const redirectUris = options.redirectUris ?? [];
  const webOrigins = options.webOrigins ?? [];
  for (const uri of [...redirectUris, ...(options.postLogoutRedirectUris ?? [])]) {
    if (uri.includes('*')) {
      throw new InputError(
        `redirect URI '${uri}' has a wildcard`,
        where('redirectUris'),
        'list each exact URI the application uses',
      );
    }
  }
  for (const origin of webOrigins) {
    if (origin.includes('*'))
      throw new InputError(
        `web origin '${origin}' has a wildcard`,
        where('webOrigins'),
        "list exact origins, or '+' for the redirect URIs' origins",
      );
  }
  const standardFlowEnabled = options.standardFlow ?? redirectUris.length > 0;
  const implicitFlowEnabled = options.implicitFlow ?? false;
  if ((standardFlowEnabled || implicitFlowEnabled) && redirectUris.length === 0) {
    throw new InputError(
      `client '${options.clientId}' uses a browser flow but lists no redirect URIs`,
      where('redirectUris'),
      'add the exact redirect URIs',
    );
  }
  const serviceAccountsEnabled = options.serviceAccounts ?? false;
  if (publicClient && serviceAccountsEnabled) {
    throw new InputError(
      `public client '${options.clientId}' cannot use a service account`,
      where('serviceAccounts'),
      "make it 'confidential' or turn serviceAccounts off",
    );
  }
  const authenticator = options.authenticator ?? profile.confidentialAuthenticator;
  if (publicClient && (options.authenticator !== undefined || options.clientSecret !== undefined)) {
    throw new InputError(
      `public client '${options.clientId}' does not authenticate`,
      where('authenticator'),
      "drop authenticator/clientSecret or make the client 'confidential'",
    );
  }
  if (options.clientSecret !== undefined && authenticator !== 'client-secret') {
    throw new InputError(
      `client '${options.clientId}' authenticates with ${authenticator}, not a secret`,
      where('clientSecret'),
      "drop clientSecret or use authenticator 'client-secret'",
    );
  }

  const attributes: Record<string, string> = { ...(options.attributes ?? {}) };
  const fill: OptionFill = { profile, publicClient };
  for (const [key, row] of clientAttributeRows()) {
    if (!row.component || row.component.custom !== undefined) continue;
    const option: unknown = options[row.component.option as keyof HardenedClientAttributeOptions];
    const value = attributeFromOption(row, option, fill, (duration) => seconds(duration, options.clientId, key));
    if (value !== undefined) attributes[key] = value;
  }
  // The rows marked custom (model/fields/client-attributes.ts says why).
  Object.assign(attributes, tokenBindingAttributes(options.tokenBinding ?? profile.tokenBinding));
  if (!publicClient && authenticator === 'client-jwt') {
    if (options.jwksUrl) {
      attributes['use.jwks.url'] = 'true';
      attributes['jwks.url'] = options.jwksUrl;
    }
    if (options.tokenEndpointSigningAlgorithm)
      attributes['token.endpoint.auth.signing.alg'] = options.tokenEndpointSigningAlgorithm;
  }
  if (!publicClient && authenticator === 'client-x509') {
    if (!options.x509SubjectDn) {
      throw new InputError(
        `client '${options.clientId}' authenticates with client-x509 but names no certificate subject`,
        where('x509SubjectDn'),
        'set x509SubjectDn to the subject DN of its certificate',
      );
    }
    attributes['x509.subjectdn'] = options.x509SubjectDn;
  }

  return checkedClientSettings({
    clientId: options.clientId,
    ...(options.name !== undefined ? { name: options.name } : {}),
    protocol: 'openid-connect',
    enabled: true,
    publicClient,
    bearerOnly: false,
    standardFlowEnabled,
    implicitFlowEnabled,
    directAccessGrantsEnabled: options.passwordGrant ?? false,
    serviceAccountsEnabled,
    redirectUris: [...redirectUris],
    webOrigins: [...webOrigins],
    clientAuthenticatorType: publicClient ? 'client-secret' : authenticator,
    fullScopeAllowed: options.fullScope ?? profile.fullScopeAllowed,
    defaultClientScopes: [],
    optionalClientScopes: [],
    attributes,
  });
}

/** Refuses combinations Keycloak (or the provider) would reject or silently ignore. */
export function checkedClientSettings(settings: ClientSettings): ClientSettings {
  const where = (field: string) => ({ keyPath: `clients.${settings.clientId}.${field}` });
  if (!/^[\x21-\x7e]+$/.test(settings.clientId)) {
    throw new InputError(
      `client id '${settings.clientId}' is empty or has spaces or control characters`,
      where('clientId'),
    );
  }
  if (
    settings.bearerOnly &&
    (settings.standardFlowEnabled ||
      settings.implicitFlowEnabled ||
      settings.directAccessGrantsEnabled ||
      settings.serviceAccountsEnabled)
  ) {
    throw new InputError(
      `bearer-only client '${settings.clientId}' cannot have a login flow`,
      where('bearerOnly'),
      'turn the flows off or make the client confidential',
    );
  }
  if (settings.publicClient && settings.serviceAccountsEnabled) {
    throw new InputError(
      `public client '${settings.clientId}' cannot use a service account`,
      where('serviceAccountsEnabled'),
    );
  }
  const tokenBinding =
    settings.attributes['dpop.bound.access.tokens'] === 'true' &&
    settings.attributes['tls.client.certificate.bound.access.tokens'] === 'true';
  if (tokenBinding) {
    throw new InputError(
      `client '${settings.clientId}' binds tokens with both DPoP and mTLS`,
      where('attributes'),
      'choose one: dpop.bound.access.tokens or tls.client.certificate.bound.access.tokens',
    );
  }
  return settings;
}

function seconds(value: Duration, clientId: string, key: string): number {
  return durationInput(value, key, { keyPath: `clients.${clientId}.${key}` });
}
