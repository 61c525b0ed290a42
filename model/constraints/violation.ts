/**
 * What a Keycloak constraint reports: which part of the realm it is about (in model terms, so
 * one check serves baselines and realm exports alike), what Keycloak says, and what to do.
 * model/constraints/locate.ts turns it into an InputError with the file's line and column.
 */
import type { RealmSettings } from '../realm-settings.ts';

/** Realm-level fields a constraint can be about. */
export type RealmField = keyof Omit<
  RealmSettings,
  'keyProviders' | 'clients' | 'clientPolicies' | 'clientProfiles' | 'tokenVersionClaim' | 'compromisedKeys'
>;

/** Key provider settings a constraint can be about (the component config keys behind them). */
export type KeyField = 'priority' | 'enabled' | 'active' | 'keySize' | 'secretSize' | 'ellipticCurve';

export type ConstraintSubject =
  | { kind: 'realm'; field: RealmField | 'realm' }
  /** One of the realm's browserSecurityHeaders. */
  | { kind: 'realm-header'; header: string }
  /** The index-th policy of the realm's password policy ('length(12) and digits(1)' → 0, 1). */
  | { kind: 'password-policy'; index: number }
  | { kind: 'client'; clientId: string; field: 'clientId' | 'protocol' | 'redirectUris'; item?: number }
  /** A client attribute; `item` is the index of one URI inside a '##'-separated list. */
  | { kind: 'client-attribute'; clientId: string; attribute: string; item?: number }
  | { kind: 'key'; name: string; field: KeyField }
  | { kind: 'client-policy'; index: number; field: 'name' | 'profiles'; item?: number }
  /** A realm-defined client profile (realm exports only: baselines cannot define one). */
  | { kind: 'client-profile'; index: number };

export interface ConstraintViolation {
  subject: ConstraintSubject;
  /** What is wrong, quoting Keycloak's own refusal where it has one. */
  message: string;
  /** What to do about it. */
  hint: string;
}
