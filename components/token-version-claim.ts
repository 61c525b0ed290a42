/**
 * TokenVersionClaim: puts a user's `token_version` attribute into access tokens as a claim, so
 * a backend can refuse tokens issued before the user's version was bumped (see
 * token-version-check.ts). Keycloak's revocations (logout, not-before, /revoke) take effect at
 * Keycloak; a backend that validates JWTs locally keeps accepting an issued access token until
 * it expires — unless it compares this claim with the user's current version.
 *
 * The claim is added either to chosen clients (one mapper on each) or to a client scope that
 * clients then take as a default scope.
 *
 * Keycloak 26 stores a user attribute only when the realm's user profile declares it or its
 * unmanaged-attribute policy allows it (ENABLED or ADMIN_EDIT); set that up before bumping
 * versions.
 */
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
import { InputError } from '../model/errors.ts';
import {
  TOKEN_VERSION_DEFAULT_ATTRIBUTE,
  TOKEN_VERSION_DEFAULT_CLAIM,
  tokenVersionClientScope,
} from '../model/token-version.ts';

export interface TokenVersionClaimArgs {
  /** The realm (a HardenedRealm's realmId). */
  realmId: pulumi.Input<string>;
  /** The user attribute holding the current version. Default 'token_version'. */
  attribute?: string;
  /** The claim name in access tokens. Default 'token_version'. */
  claim?: string;
  /** Clients that carry the claim, each under a stable key (names the child mapper): key → client UUID (HardenedClient.id). */
  clients?: Record<string, pulumi.Input<string>>;
  /** Also create a client scope carrying the claim, to attach to clients as a default scope (`true`: named after the claim, `token_version` by default). */
  clientScope?: boolean | { name: string };
}

export class TokenVersionClaim extends pulumi.ComponentResource {
  /** The client scope's id when one was created. */
  public readonly clientScopeId: pulumi.Output<string | undefined>;
  /** The client scope's name when one was created. */
  public readonly clientScopeName: string | undefined;
  public readonly attribute: string;
  public readonly claim: string;
  /** The protocol mappers created (one per client, and one on the scope). */
  public readonly mappers: keycloak.openid.UserAttributeProtocolMapper[] = [];

  constructor(name: string, args: TokenVersionClaimArgs, opts?: pulumi.ComponentResourceOptions) {
    super('realmguard:index:TokenVersionClaim', name, {}, opts);
    const plan = tokenVersionPlan(args);
    this.attribute = plan.attribute;
    this.claim = plan.claim;
    const mapper = { realmId: args.realmId, userAttribute: plan.attribute, claimName: plan.claim, ...MAPPER_FLAGS };

    for (const [key, clientId] of Object.entries(args.clients ?? {})) {
      this.mappers.push(
        new keycloak.openid.UserAttributeProtocolMapper(
          `${name}-mapper-${key}`,
          { ...mapper, name: plan.mapperName, clientId },
          { parent: this },
        ),
      );
    }
    let scopeId: pulumi.Output<string> | undefined;
    if (plan.scopeName !== undefined) {
      const scope = new keycloak.openid.ClientScope(
        `${name}-scope`,
        {
          realmId: args.realmId,
          name: plan.scopeName,
          description: `Adds the ${plan.claim} claim (token version) to access tokens`,
          includeInTokenScope: false,
        },
        { parent: this },
      );
      this.mappers.push(
        new keycloak.openid.UserAttributeProtocolMapper(
          `${name}-scope-mapper`,
          { ...mapper, name: plan.mapperName, clientScopeId: scope.id },
          { parent: this },
        ),
      );
      scopeId = scope.id;
    }
    this.clientScopeName = plan.scopeName;
    this.clientScopeId = scopeId ?? pulumi.output(undefined);
    this.registerOutputs({ clientScopeId: this.clientScopeId, attribute: this.attribute, claim: this.claim });
  }
}

/** The claim goes where backends look (access token, introspection), as a number. */
const MAPPER_FLAGS = {
  addToAccessToken: true,
  addToIdToken: false,
  addToUserinfo: false,
  addToTokenIntrospection: true,
  claimValueType: 'long',
  multivalued: false,
  aggregateAttributes: false,
} as const;

export interface TokenVersionPlan {
  attribute: string;
  claim: string;
  mapperName: string;
  scopeName: string | undefined;
}

/** Names and checks. Throws InputError for an unusable claim or attribute name, or nothing to attach to. */
export function tokenVersionPlan(
  args: Pick<TokenVersionClaimArgs, 'attribute' | 'claim' | 'clients' | 'clientScope'>,
): TokenVersionPlan {
  const attribute = args.attribute ?? TOKEN_VERSION_DEFAULT_ATTRIBUTE;
  const claim = args.claim ?? TOKEN_VERSION_DEFAULT_CLAIM;
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(attribute)) {
    throw new InputError(
      `token-version attribute '${attribute}' is not a usable user-attribute name`,
      { keyPath: 'tokenVersionClaim.attribute' },
      'use letters, digits and _ . -',
    );
  }
  // Keycloak reads dots in claim names as nesting; a flat name keeps the check simple.
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(claim)) {
    throw new InputError(
      `token-version claim '${claim}' is not a flat claim name`,
      { keyPath: 'tokenVersionClaim.claim' },
      'use letters, digits, _ and - (no dots)',
    );
  }
  const scopeName =
    args.clientScope === true ? tokenVersionClientScope(claim) : args.clientScope ? args.clientScope.name : undefined;
  if (Object.keys(args.clients ?? {}).length === 0 && scopeName === undefined) {
    throw new InputError(
      'the token-version claim is attached to nothing',
      { keyPath: 'tokenVersionClaim.clients' },
      'name at least one client, or ask for a client scope',
    );
  }
  return { attribute, claim, mapperName: `${claim} (token version)`, scopeName };
}
