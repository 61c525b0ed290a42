/**
 * The differ a field table row's diff class describes (model/fields/*.ts): the realm and client
 * diff tables are built from it; rows marked `custom` have their differ written by hand.
 */
import type { AnyFieldRow, FieldKind } from '../../model/fields/field-row.ts';
import type { RealmSettings } from '../../model/realm-settings.ts';
import type { ValueUnit } from '../change.ts';
import { higherIsSafer, lowerIsSafer, neutral, safeWhen, type FieldDiffer, type NumberOptions } from './differ.ts';

const ZERO_MEANS: Readonly<Record<'unlimited' | 'sso-idle' | 'sso-max', NumberOptions['zero']>> = {
  unlimited: 'unlimited',
  /** Session values of 0 fall back to the SSO session values. */
  'sso-idle': (realm: RealmSettings) => realm.ssoSessionIdleTimeout,
  'sso-max': (realm: RealmSettings) => realm.ssoSessionMaxLifespan,
};

const UNIT_OF: Partial<Record<FieldKind, ValueUnit>> = {
  seconds: 'seconds',
  timestamp: 'seconds',
  milliseconds: 'milliseconds',
};

/** The differ a row's diff class describes; undefined for a custom row (its table writes that one). */
export function differFor(row: Pick<AnyFieldRow, 'kind' | 'diff'>): FieldDiffer<never> | undefined {
  const { diff } = row;
  if ('custom' in diff) return undefined;
  if ('neutral' in diff) return neutral(diff.neutral);
  if ('safeWhen' in diff) return safeWhen(diff.safeWhen, diff.reason);
  const unit = UNIT_OF[row.kind];
  const options: NumberOptions = { ...(unit ? { unit } : {}), ...(diff.zero ? { zero: ZERO_MEANS[diff.zero] } : {}) };
  return diff.safer === 'lower' ? lowerIsSafer(diff.reason, options) : higherIsSafer(diff.reason, options);
}
