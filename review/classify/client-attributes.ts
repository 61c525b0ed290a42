/**
 * Client attributes (Keycloak's string map on a client), one entry per key realmguard judges.
 * An absent attribute means Keycloak's default for it, so "absent → 'false'" is no change.
 * Lifespan overrides that are empty or 0 mean "use the realm's value", and are compared as such.
 */
import type { RealmSettings } from '../../model/realm-settings.ts';
import { PKCE_METHOD_ORDER, SIGNATURE_ALGORITHM_ORDER } from './algorithms.ts';
import {
  compareNumbers,
  compareRanks,
  neutralVerdict,
  rankOf,
  ranked,
  scalar,
  setOf,
  strengthens,
  weakens,
  type FieldChange,
  type FieldDiffer,
} from './differ.ts';
import { REDIRECT_URI_RULES } from './redirect-uris.ts';

interface AttributeRule {
  /** Keycloak's value when the attribute is absent. */
  fallback: string;
  differ: FieldDiffer<string | undefined>;
  unit?: 'seconds';
}

/** 'true' is the safe position. */
function safeWhenTrue(why: string): AttributeRule {
  return {
    fallback: 'false',
    differ: scalar<string>((_before, after) => (after === 'true' ? strengthens('turned on') : weakens(why))),
  };
}

/** 'true' enables something risky. */
function riskyWhenTrue(why: string, fallback = 'false'): AttributeRule {
  return {
    fallback,
    differ: scalar<string>((_before, after) => (after === 'true' ? weakens(why) : strengthens('turned off'))),
  };
}

/** A lifespan override in seconds; empty, 0 or negative falls back to the realm's value. */
function lifespanOverride(why: string, realmValue: (realm: RealmSettings) => number): AttributeRule {
  const effective = (value: string, realm: RealmSettings): number => {
    const seconds = Number(value);
    return Number.isFinite(seconds) && seconds > 0 ? seconds : realmValue(realm);
  };
  return {
    fallback: '',
    unit: 'seconds',
    differ: scalar<string>((before, after, context) =>
      compareNumbers(effective(before, context.before), effective(after, context.after), 'lower', why),
    ),
  };
}

/** A token signature algorithm; empty means the realm's default signature algorithm. */
function signatureOverride(why: string): AttributeRule {
  const effective = (value: string, realm: RealmSettings) => (value === '' ? realm.defaultSignatureAlgorithm : value);
  return {
    fallback: '',
    differ: scalar<string>((before, after, context) =>
      compareRanks(
        rankOf(SIGNATURE_ALGORITHM_ORDER, effective(before, context.before)),
        rankOf(SIGNATURE_ALGORITHM_ORDER, effective(after, context.after)),
        why,
      ),
    ),
  };
}

/** '##'-separated URI lists. */
function uriList(): AttributeRule {
  const set = setOf(REDIRECT_URI_RULES);
  const split = (value: string): string[] =>
    value
      .split('##')
      .map((uri) => uri.trim())
      .filter((uri) => uri !== '');
  return { fallback: '', differ: (before, after, context) => set(split(before ?? ''), split(after ?? ''), context) };
}

const ssoOr = (client: number, sso: number): number => (client > 0 ? client : sso);

export const CLIENT_ATTRIBUTE_RULES: Readonly<Record<string, AttributeRule>> = {
  'pkce.code.challenge.method': {
    fallback: '',
    differ: ranked(PKCE_METHOD_ORDER, 'PKCE S256 no longer enforced (RFC 9700 §2.1.1)'),
  },
  'use.refresh.tokens': riskyWhenTrue('client issues refresh tokens (a longer-lived credential)', 'true'),
  'use.refresh.tokens.client_credentials': riskyWhenTrue('refresh tokens for the client-credentials grant'),
  'dpop.bound.access.tokens': safeWhenTrue('access tokens no longer bound to a DPoP key (RFC 9700 §2.2)'),
  'tls.client.certificate.bound.access.tokens': safeWhenTrue(
    'access tokens no longer bound to the client certificate (RFC 9700 §2.2)',
  ),
  'require.pushed.authorization.requests': safeWhenTrue('pushed authorization requests no longer required (FAPI 2.0)'),
  'exclude.issuer.from.auth.response': riskyWhenTrue(
    'issuer left out of the authorization response (mix-up defence, RFC 9207)',
  ),
  'oauth2.device.authorization.grant.enabled': riskyWhenTrue('device authorization grant enabled'),
  'oidc.ciba.grant.enabled': riskyWhenTrue('CIBA grant enabled'),
  'standard.token.exchange.enabled': riskyWhenTrue('token exchange enabled'),
  'post.logout.redirect.uris': uriList(),
  'access.token.signed.response.alg': signatureOverride('weaker access-token signature algorithm (RFC 8725 §3.1)'),
  'id.token.signed.response.alg': signatureOverride('weaker ID-token signature algorithm (RFC 8725 §3.1)'),
  'access.token.lifespan': lifespanOverride(
    'a stolen access token stays usable longer',
    (realm) => realm.accessTokenLifespan,
  ),
  'client.session.idle.timeout': lifespanOverride('idle client sessions live longer', (realm) =>
    ssoOr(realm.clientSessionIdleTimeout, realm.ssoSessionIdleTimeout),
  ),
  'client.session.max.lifespan': lifespanOverride('client sessions live longer', (realm) =>
    ssoOr(realm.clientSessionMaxLifespan, realm.ssoSessionMaxLifespan),
  ),
  'client.offline.session.idle.timeout': lifespanOverride(
    'idle offline sessions live longer',
    (realm) => realm.offlineSessionIdleTimeout,
  ),
  'client.offline.session.max.lifespan': lifespanOverride(
    'offline sessions live longer',
    (realm) => realm.offlineSessionMaxLifespan,
  ),
};

const UNCLASSIFIED: AttributeRule = {
  fallback: '',
  differ: scalar<string>(() => neutralVerdict('attribute realmguard does not classify')),
};

/** The differ for one attribute key: compares effective values, shows the values as written. */
export function clientAttribute(key: string): FieldDiffer<string | undefined> {
  const rule = CLIENT_ATTRIBUTE_RULES[key] ?? UNCLASSIFIED;
  return (before, after, context) => {
    const from = before ?? rule.fallback;
    const to = after ?? rule.fallback;
    if (from === to) return [];
    // Scalar attributes show the values as each side wrote them (absent stays absent); the URI
    // list reports one change per item.
    return rule.differ(from, to, context).map((change): FieldChange => ({
      ...change,
      ...(isList(key) ? {} : { before, after }),
      ...(rule.unit ? { unit: rule.unit } : {}),
    }));
  };
}

function isList(key: string): boolean {
  return key === 'post.logout.redirect.uris';
}
