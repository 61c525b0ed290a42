/**
 * Client constraints from org.keycloak.validation.DefaultClientValidationProvider#validate, which
 * Keycloak runs on every client it creates, updates or imports (ValidationUtil#validateClient;
 * 400 {"error":"invalid_input","error_description": …}):
 * - validateClientId: "Client ID cannot be blank".
 * - validateProtocol: the protocol must be a LoginProtocol the server has. Only names no Keycloak
 *   26.7 knows are refused here: docker-v2 and oid4vc exist when their features are on.
 * - validateClientSessionTimeout: the client.session.idle.timeout / client.session.max.lifespan
 *   attributes may not exceed the realm's SSO idle / max (with remember me: the larger of the SSO
 *   value and its remember-me variant). The offline and access-token attributes have no limit.
 * - validateUrls: see client-urls.ts.
 * - validateJwks: use.jwks.url and use.jwks.string may not both be true (message key
 *   duplicatedJwksSettings).
 */
import type { ClientSettings, RealmSettings } from '../realm-settings.ts';
import { uriViolations, urlAttributeViolations } from './client-urls.ts';
import { limitSource, ssoSessionLimits } from './realm.ts';
import type { ConstraintViolation } from './violation.ts';

export function clientViolations(settings: RealmSettings): ConstraintViolation[] {
  return settings.clients.flatMap((client) => [
    ...clientIdViolations(client),
    ...protocolViolations(client),
    ...sessionViolations(client, settings),
    ...uriViolations(client),
    ...urlAttributeViolations(client),
    ...jwksViolations(client),
  ]);
}

function clientIdViolations(client: ClientSettings): ConstraintViolation[] {
  if (client.clientId.trim() !== '') return [];
  return [
    {
      subject: { kind: 'client', clientId: client.clientId, field: 'clientId' },
      message: 'the client id is blank ("Client ID cannot be blank")',
      hint: 'give the client a clientId with visible characters',
    },
  ];
}

/** LoginProtocolFactory ids of Keycloak 26.7 (openid-connect and saml always; the others behind features). */
const KEYCLOAK_PROTOCOLS = new Set(['openid-connect', 'saml', 'docker-v2', 'oid4vc']);

function protocolViolations(client: ClientSettings): ConstraintViolation[] {
  if (KEYCLOAK_PROTOCOLS.has(client.protocol)) return [];
  return [
    {
      subject: { kind: 'client', clientId: client.clientId, field: 'protocol' },
      message: `client '${client.clientId}' uses the protocol '${client.protocol}', which Keycloak does not have`,
      hint: "use 'openid-connect' or 'saml'",
    },
  ];
}

/** Keycloak's parseIntAttribute: an attribute that is not an int counts as unset. */
function intAttribute(client: ClientSettings, key: string): number | undefined {
  const text = client.attributes[key];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -(2 ** 31) && value <= 2 ** 31 - 1 ? value : undefined;
}

function sessionViolations(client: ClientSettings, settings: RealmSettings): ConstraintViolation[] {
  const limits = ssoSessionLimits(settings);
  const checks = [
    { attribute: 'client.session.idle.timeout', kind: 'idle', what: 'idle timeout' },
    { attribute: 'client.session.max.lifespan', kind: 'max', what: 'max lifespan' },
  ] as const;
  return checks.flatMap(({ attribute, kind, what }) => {
    const value = intAttribute(client, attribute);
    const limit = limits[kind];
    if (value === undefined || value <= limit) return [];
    return [
      {
        subject: { kind: 'client-attribute', clientId: client.clientId, attribute },
        message: `client '${client.clientId}': session ${what} ${value}s exceeds the realm's SSO session ${what} ${limit}s (${limitSource(settings, kind)}); Keycloak refuses the client ("Client session ${what} cannot exceed realm SSO session ${what}")`,
        hint: `make it at most ${limit}s, or raise the realm's SSO session ${what}`,
      },
    ];
  });
}

function jwksViolations(client: ClientSettings): ConstraintViolation[] {
  const on = (key: string): boolean => client.attributes[key]?.toLowerCase() === 'true'; // Boolean.parseBoolean
  if (!on('use.jwks.url') || !on('use.jwks.string')) return [];
  return [
    {
      subject: { kind: 'client-attribute', clientId: client.clientId, attribute: 'use.jwks.string' },
      message: `client '${client.clientId}' turns on both use.jwks.url and use.jwks.string, which Keycloak refuses ("The "Use JWKS" switch and the switch "Use JWKS URL" cannot be ON at the same time.")`,
      hint: 'keep one of the two attributes true',
    },
  ];
}
