/**
 * The shape of a row in a field table (model/fields/realm.ts): everything the project knows about
 * one model field, so the baseline schema, the export adapter, the provider dialect, the component
 * arguments, the diff classification and Keycloak's defaults are all read from one place.
 */
import type { NonPositiveMeaning } from '../durations.ts';
import type { SslRequired } from '../realm-settings.ts';

/**
 * What a field holds, with its unit. The TypeScript type of the model field follows from it
 * (KindValue), so a row cannot disagree with RealmSettings.
 */
export interface KindValue {
  /** Whole seconds (a lifespan, timeout or wait). */
  seconds: number;
  milliseconds: number;
  /** A whole number ≥ 0 that is not a time (failures allowed, reuse count). */
  count: number;
  /** Seconds since the epoch. */
  timestamp: number;
  boolean: boolean;
  text: string;
  ssl: SslRequired;
  /** A set of names, kept sorted or in Keycloak's order. */
  'text-list': string[];
  'text-map': Record<string, string>;
}
export type FieldKind = keyof KindValue;

/**
 * How a diff classifies a change of the field (review/classify builds the differ from this).
 * `custom` names where the hand-written differ lives, for fields no simple class describes.
 */
export type DiffClass =
  | {
      safer: 'lower' | 'higher';
      reason: string;
      /** What 0 means: no limit, or the SSO session's value. */ zero?: 'unlimited' | 'sso-idle' | 'sso-max';
    }
  | { safeWhen: boolean; reason: string }
  | { neutral: string }
  | { custom: string };

/** A Pulumi provider argument (@pulumi/keycloak 6.13) and how the model's value converts to it. */
export interface ProviderArgument {
  resource: 'keycloak.Realm' | 'keycloak.RealmEvents';
  /** The argument's path in the resource's inputs, e.g. ['securityDefenses', 'bruteForceDetection', 'maxLoginFailures']. */
  path: readonly [string, ...string[]];
  /**
   * go-duration: seconds ↔ "5m0s"; as-is: the model's value; custom: written by hand in
   * model/provider-dialect.ts (the row says why there).
   */
  conversion: 'go-duration' | 'as-is' | 'custom';
}

export interface FieldRow<K extends FieldKind = FieldKind> {
  kind: K;
  /** One line for people: the component's argument docs and the baseline schema's description. */
  doc: string;
  /**
   * Where the baseline YAML sets it. `custom`: the key's shape differs from the model's (a list
   * of policies for a policy string, a listeners list with a jbossLogging switch) and
   * model/baseline/to-settings.ts converts it by hand.
   */
  baseline?: {
    path: readonly [string, ...string[]];
    custom?: true;
    /** Smallest accepted number, when not 0. */
    minimum?: number;
    /** The accepted values of a text field. */
    oneOf?: readonly string[];
  };
  /**
   * The key in Keycloak's RealmRepresentation: the realm-export key and the admin API's key alike
   * (GET /admin/realms/{realm} returns the same representation). `custom`: the export adapter
   * converts it by hand (case, defaults for an empty value).
   */
  representation: { key: string; custom?: true };
  /** For durations read from an export: what Keycloak makes of a negative value. */
  negative?: NonPositiveMeaning;
  provider?: ProviderArgument;
  /**
   * How HardenedRealm accepts it: a duration ('5m' or seconds), a whole number ≥ 0 (validated), or
   * the model's own value. Absent: the component has no argument (not declared state).
   */
  component?: 'duration' | 'count' | 'value';
  diff: DiffClass;
  /** What Keycloak 26 holds when nothing sets the field (test/integration/model/keycloak-defaults.test.ts). */
  keycloakDefault: KindValue[K];
}

/** A row of any kind, with its default typed by its kind. */
export type AnyFieldRow = { [K in FieldKind]: FieldRow<K> }[FieldKind];

/** The model's value type of every field of a table. */
export type FieldValues<Table extends Record<string, AnyFieldRow>> = {
  -readonly [F in keyof Table]: KindValue[Table[F]['kind']];
};

/** Field names of a table whose row matches Condition. */
export type FieldsWhere<Table extends Record<string, AnyFieldRow>, Condition> = {
  [F in keyof Table]: Table[F] extends Condition ? F : never;
}[keyof Table] &
  string;

/** Typed entries of a table (Object.entries loses the key type). */
export function rowsOf<Table extends Record<string, AnyFieldRow>>(table: Table): [keyof Table & string, AnyFieldRow][] {
  return Object.entries(table);
}
