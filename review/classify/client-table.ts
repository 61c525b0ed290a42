/**
 * How each client setting is judged (RFC 9700, ASVS 10.4), and what makes a new client risky.
 * A removed client strengthens: it can no longer obtain tokens.
 */
import { clientRows, type ClientCustomDiffField, type NotClientSetting } from '../../model/fields/client.ts';
import type { ClientSettings, RealmSettings } from '../../model/realm-settings.ts';
import { CLIENT_AUTHENTICATOR_ORDER } from './algorithms.ts';
import { clientAttribute } from './client-attributes.ts';
import { differFor } from './row-differ.ts';
import {
  higherIsSafer,
  ignored,
  mapOf,
  neutralVerdict,
  ranked,
  scalar,
  setOf,
  strengthens,
  weakens,
  type DiffTable,
} from './differ.ts';
import { entities } from './entities.ts';
import { PROTOCOL_MAPPERS } from './entity-protocol-mappers.ts';
import { REDIRECT_URI_RULES, WEB_ORIGIN_RULES, redirectUriRisk } from './redirect-uris.ts';

/** Client fields whose table row names a simple diff class (model/fields/client.ts). */
const TABLE_DIFFERS = Object.fromEntries(
  clientRows().flatMap(([field, row]) => {
    const differ = differFor(row);
    return differ ? [[field, differ]] : [];
  }),
) as Omit<DiffTable<ClientSettings>, ClientCustomDiffField | NotClientSetting>;

/** Client fields whose table row says `custom`, and the fields that are not settings: the type checker wants each. */
const CUSTOM_DIFFERS: Pick<DiffTable<ClientSettings>, ClientCustomDiffField | NotClientSetting> = {
  clientId: ignored,
  id: ignored,
  name: ignored,
  enabled: scalar<boolean>((_before, after) =>
    after
      ? weakens('client enabled: it can obtain tokens again')
      : strengthens('client disabled: it can no longer obtain tokens'),
  ),
  redirectUris: setOf(REDIRECT_URI_RULES),
  webOrigins: setOf(WEB_ORIGIN_RULES),
  clientAuthenticatorType: ranked(CLIENT_AUTHENTICATOR_ORDER, 'weaker client authentication (RFC 9700 §2.5)'),
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

const DIFFERS: Record<string, unknown> = { ...TABLE_DIFFERS, ...CUSTOM_DIFFERS };

/** In the field table's order (the order changes are listed in), identity first. */
export const CLIENT_TABLE = Object.fromEntries(
  ['clientId', 'id', ...clientRows().map(([field]) => field), 'protocolMappers'].map((field) => [
    field,
    DIFFERS[field],
  ]),
) as DiffTable<ClientSettings>;

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
