/**
 * Client attributes (Keycloak's string map on a client), one entry per key realmguard judges:
 * the simple classes come from the attribute table (model/fields/client-attributes.ts), the
 * custom ones are written here.
 * An absent attribute means Keycloak's default for it, so "absent → 'false'" is no change.
 * Lifespan overrides that are empty or 0 mean "use the realm's value", and are compared as such.
 */
import {
  ATTRIBUTE_LIST_SEPARATOR,
  clientAttributeRow,
  clientAttributeRows,
  type ClientAttributeCustomDiff,
  type ClientAttributeRow,
} from '../../model/fields/client-attributes.ts';
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
      .split(ATTRIBUTE_LIST_SEPARATOR)
      .map((uri) => uri.trim())
      .filter((uri) => uri !== '');
  return { fallback: '', differ: (before, after, context) => set(split(before ?? ''), split(after ?? ''), context) };
}

const ZERO_MEANS: Readonly<Record<'sso-idle' | 'sso-max', (realm: RealmSettings) => number>> = {
  'sso-idle': (realm) => realm.ssoSessionIdleTimeout,
  'sso-max': (realm) => realm.ssoSessionMaxLifespan,
};

/** The rule a row's simple diff class describes (model/fields/client-attributes.ts). */
function ruleFor(row: ClientAttributeRow): AttributeRule | undefined {
  const { diff } = row;
  const fallback = row.keycloakDefault ?? '';
  if ('safeWhen' in diff)
    return { ...(diff.safeWhen ? safeWhenTrue(diff.reason) : riskyWhenTrue(diff.reason)), fallback };
  if ('safer' in diff) {
    const { overrides, zero } = diff;
    const realmValue = (realm: RealmSettings): number =>
      zero && !(realm[overrides] > 0) ? ZERO_MEANS[zero](realm) : realm[overrides];
    return { ...lifespanOverride(diff.reason, realmValue), fallback };
  }
  return undefined;
}

/** Attributes whose row says `custom`: the type checker wants each. */
const CUSTOM_RULES: Readonly<Record<ClientAttributeCustomDiff, AttributeRule>> = {
  'pkce.code.challenge.method': {
    fallback: '',
    differ: ranked(PKCE_METHOD_ORDER, 'PKCE S256 no longer enforced (RFC 9700 §2.1.1)'),
  },
  'post.logout.redirect.uris': uriList(),
  'access.token.signed.response.alg': signatureOverride('weaker access-token signature algorithm (RFC 8725 §3.1)'),
  'id.token.signed.response.alg': signatureOverride('weaker ID-token signature algorithm (RFC 8725 §3.1)'),
};

/**
 * The attributes realmguard judges, one rule per key: the attribute table's rows, but for the
 * neutral ones (an attribute the live server may set by itself is not drift unless judged).
 */
export const CLIENT_ATTRIBUTE_RULES: Readonly<Record<string, AttributeRule>> = Object.fromEntries(
  clientAttributeRows().flatMap(([key, row]) => {
    const rule = (CUSTOM_RULES as Partial<Record<string, AttributeRule>>)[key] ?? ruleFor(row);
    return rule ? [[key, rule]] : [];
  }),
);

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
  return clientAttributeRow(key)?.kind === 'uri-list';
}
