/**
 * How each client setting is judged (RFC 9700, ASVS 10.4), and what makes a new client risky.
 * A removed client strengthens: it can no longer obtain tokens.
 */
import type { ClientSettings, RealmSettings } from '../../model/realm-settings.ts';
import { CLIENT_AUTHENTICATOR_ORDER } from './algorithms.ts';
import { clientAttribute } from './client-attributes.ts';
import {
  higherIsSafer,
  ignored,
  mapOf,
  neutral,
  neutralVerdict,
  ranked,
  safeWhen,
  scalar,
  setOf,
  strengthens,
  weakens,
  type DiffTable,
} from './differ.ts';
import { entities } from './entities.ts';
import { PROTOCOL_MAPPERS } from './entity-protocol-mappers.ts';
import { REDIRECT_URI_RULES, WEB_ORIGIN_RULES, redirectUriRisk } from './redirect-uris.ts';

export const CLIENT_TABLE: DiffTable<ClientSettings> = {
  clientId: ignored,
  id: ignored,
  name: ignored,
  protocol: neutral('protocol changed'),
  enabled: scalar<boolean>((_before, after) =>
    after
      ? weakens('client enabled: it can obtain tokens again')
      : strengthens('client disabled: it can no longer obtain tokens'),
  ),
  publicClient: safeWhen(false, 'public client: no client authentication at the token endpoint'),
  bearerOnly: safeWhen(true, 'no longer bearer-only: the client can obtain tokens'),
  standardFlowEnabled: neutral('authorization-code flow switched'),
  implicitFlowEnabled: safeWhen(false, 'implicit flow enabled (RFC 9700 §2.1.2)'),
  directAccessGrantsEnabled: safeWhen(false, 'password grant enabled (RFC 9700 §2.4)'),
  serviceAccountsEnabled: safeWhen(false, 'client-credentials grant enabled (a service account with its own roles)'),
  redirectUris: setOf(REDIRECT_URI_RULES),
  webOrigins: setOf(WEB_ORIGIN_RULES),
  clientAuthenticatorType: ranked(CLIENT_AUTHENTICATOR_ORDER, 'weaker client authentication (RFC 9700 §2.5)'),
  fullScopeAllowed: safeWhen(false, 'full scope allowed: tokens carry every role of the user'),
  defaultClientScopes: setOf({
    added: (scope) =>
      scope === 'offline_access' ? weakens('offline tokens granted by default') : neutralVerdict('default scope added'),
    removed: (scope) =>
      scope === 'offline_access'
        ? strengthens('offline tokens no longer granted by default')
        : neutralVerdict('default scope removed'),
  }),
  optionalClientScopes: setOf({
    added: () => neutralVerdict('optional scope added (the client must ask for it)'),
    removed: () => neutralVerdict('optional scope removed'),
  }),
  attributes: mapOf(clientAttribute),
  rootUrl: neutral('root URL changed (relative redirect URIs resolve against it)'),
  baseUrl: ignored,
  protocolMappers: PROTOCOL_MAPPERS,
  // Absent means 0 (never pushed): files rarely carry it, the admin API always does.
  notBefore: (before, after, context) =>
    higherIsSafer('tokens issued before an earlier revocation point are accepted again', { unit: 'seconds' })(
      before ?? 0,
      after ?? 0,
      context,
    ),
};

const isRiskyRedirect = (uri: string): boolean => redirectUriRisk(uri) !== undefined;

/** The risky settings a client is created with, in words; empty for a well-configured client. */
export function clientRisks(client: ClientSettings, realm: RealmSettings): string[] {
  if (!client.enabled) return [];
  const risks: string[] = [];
  const attributes = client.attributes;
  if (client.implicitFlowEnabled) risks.push('implicit flow');
  if (client.directAccessGrantsEnabled) risks.push('password grant');
  for (const uri of client.redirectUris.filter(isRiskyRedirect)) risks.push(`${redirectUriRisk(uri)} ${uri}`);
  if (client.webOrigins.includes('*')) risks.push('any web origin');
  const pkce = attributes['pkce.code.challenge.method'] ?? '';
  if (pkce === 'plain') risks.push('PKCE plain');
  else if (client.publicClient && client.standardFlowEnabled && pkce !== 'S256')
    risks.push('public client without PKCE S256');
  const refreshTokens = (attributes['use.refresh.tokens'] ?? 'true') === 'true';
  const bound =
    attributes['dpop.bound.access.tokens'] === 'true' ||
    attributes['tls.client.certificate.bound.access.tokens'] === 'true';
  if (client.publicClient && refreshTokens && !bound && !realm.revokeRefreshToken)
    risks.push('public client with unrotated, unbound refresh tokens');
  if (client.defaultClientScopes.includes('offline_access')) risks.push('offline_access by default');
  const lifespan = Number(attributes['access.token.lifespan'] ?? '');
  if (Number.isFinite(lifespan) && lifespan > realm.accessTokenLifespan)
    risks.push(`access tokens longer than the realm's (${lifespan}s)`);
  return risks;
}

export const CLIENTS = entities<ClientSettings>({
  key: (client) => client.clientId,
  fields: CLIENT_TABLE,
  added: (client, context) => {
    const risks = clientRisks(client, context.after);
    return risks.length > 0
      ? weakens(`new client with ${risks.join(', ')}`)
      : neutralVerdict('new client without risky settings');
  },
  removed: () => strengthens('client removed: it can no longer obtain tokens'),
  summary: (client) =>
    `${client.enabled ? '' : 'disabled '}${client.publicClient ? 'public' : client.bearerOnly ? 'bearer-only' : 'confidential'} ${client.protocol} client`,
});
