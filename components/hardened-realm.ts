/**
 * HardenedRealm: a Keycloak realm with the token, session and security settings of a profile,
 * and its event settings. Anything the args leave out is the profile's value (`baseline` unless
 * told otherwise), so `new HardenedRealm('shop', { realm: 'shop' })` is already hardened.
 */
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
import { InputError } from '../model/errors.ts';
import { durationInput } from '../model/durations.ts';
import { realmProfileValues, type Profile, type RealmProfileValues } from '../model/profiles.ts';
import type { RealmSettings } from '../model/realm-settings.ts';
import { realmArgsFromSettings, realmEventsArgsFromSettings } from '../model/provider-dialect.ts';
import { rowsOf, type FieldKind, type KindValue } from '../model/fields/field-row.ts';
import { REALM_FIELDS, type RealmFieldName, type RealmFieldTable } from '../model/fields/realm.ts';

/** A duration: whole seconds, or text such as '5m', '10h', '30d', '1h30m'. */
export type Duration = number | string;

/** What an argument takes: a duration as text or seconds, a whole number, or the model's value. */
type ArgumentType<Row> = Row extends { component: 'duration' }
  ? Duration
  : Row extends { component: 'count' }
    ? number
    : Row extends { kind: infer K extends FieldKind }
      ? KindValue[K]
      : never;

/** One optional argument per realm field table row that has a `component` column (its doc comment comes along). */
export type RealmFieldArgs = {
  [F in RealmFieldName as RealmFieldTable[F] extends { component: string } ? F : never]?: ArgumentType<
    RealmFieldTable[F]
  >;
};

export interface HardenedRealmArgs extends RealmFieldArgs {
  /** The realm's name in Keycloak (its id in URLs: /realms/<realm>). */
  realm: string;
  /** Which profile fills what these args leave out: 'baseline' (ASVS L2, AAL2, RFC 9700) or 'strict' (ASVS L3, AAL3, FAPI 2.0). */
  profile?: Profile;
}

export class HardenedRealm extends pulumi.ComponentResource {
  /** The realm's id for child resources (`realmId` arguments): the realm name. */
  public readonly realmId: pulumi.Output<string>;
  /** The realm name. */
  public readonly realmName: pulumi.Output<string>;
  /** The settings applied, in the model's vocabulary (seconds, Keycloak names). */
  public readonly settings: RealmLevelSettings;
  public readonly realmResource: keycloak.Realm;
  public readonly events: keycloak.RealmEvents;

  constructor(name: string, args: HardenedRealmArgs, opts?: pulumi.ComponentResourceOptions) {
    super('realmguard:index:HardenedRealm', name, {}, opts);
    this.settings = hardenedRealmSettings(args);
    const full: RealmSettings = {
      ...this.settings,
      keyProviders: [],
      compromisedKeys: [],
      clients: [],
      clientPolicies: [],
      clientProfiles: [],
    };

    this.realmResource = new keycloak.Realm(`${name}-realm`, realmArgsFromSettings(full), { parent: this });
    this.events = new keycloak.RealmEvents(
      `${name}-events`,
      { realmId: this.realmResource.id, ...realmEventsArgsFromSettings(full) },
      { parent: this },
    );
    this.realmId = this.realmResource.id;
    this.realmName = this.realmResource.realm;
    this.registerOutputs({ realmId: this.realmId, realmName: this.realmName });
  }
}

/** The realm-level part of RealmSettings (no keys, clients or policies). */
export type RealmLevelSettings = RealmProfileValues & { realm: string };

/** Args given as durations (the realm's lifespans and timeouts, how long events are kept) and as whole numbers. */
const DURATION_ARGS: readonly string[] = rowsOf(REALM_FIELDS).flatMap(([field, row]) =>
  row.component === 'duration' ? [field] : [],
);
const COUNT_ARGS = rowsOf(REALM_FIELDS).flatMap(([field, row]) => (row.component === 'count' ? [field] : []));

/** The profile's realm values with the args laid over them, validated. Throws InputError. */
export function hardenedRealmSettings(args: HardenedRealmArgs): RealmLevelSettings {
  // A JavaScript program may pass anything: the realm name and every override are checked here.
  const { realm, profile = 'baseline', ...overrides }: Omit<HardenedRealmArgs, 'realm'> & { realm: unknown } = args;
  if (typeof realm !== 'string' || !/^[A-Za-z0-9._-]+$/.test(realm)) {
    throw new InputError(
      `realm name '${String(realm)}' is not usable in a URL`,
      { keyPath: 'realm' },
      'use letters, digits, dot, dash or underscore',
    );
  }
  const settings: RealmLevelSettings = { ...realmProfileValues(profile), realm };
  const target = settings as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries<unknown>(overrides)) {
    if (value === undefined) continue;
    if (DURATION_ARGS.includes(key)) target[key] = durationArg(key, value as Duration);
    else if (Array.isArray(value)) target[key] = [...(value as unknown[])];
    else if (typeof value === 'object' && value !== null) target[key] = { ...value };
    else target[key] = value;
  }
  for (const key of COUNT_ARGS) {
    // Laid over from the overrides, which a JavaScript program may fill with anything.
    const value: unknown = settings[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new InputError(`${key} must be a whole number ≥ 0, not ${String(value)}`, { keyPath: key });
    }
  }
  if (!['all', 'external', 'none'].includes(settings.sslRequired)) {
    throw new InputError(`sslRequired must be 'all', 'external' or 'none', not '${settings.sslRequired}'`, {
      keyPath: 'sslRequired',
    });
  }
  if (settings.ssoSessionMaxLifespan > 0 && settings.ssoSessionIdleTimeout > settings.ssoSessionMaxLifespan) {
    throw new InputError(
      `ssoSessionIdleTimeout (${settings.ssoSessionIdleTimeout}s) is longer than ssoSessionMaxLifespan (${settings.ssoSessionMaxLifespan}s)`,
      { keyPath: 'ssoSessionIdleTimeout' },
      'the idle timeout can never be reached; make it shorter than the maximum',
    );
  }
  if (!settings.revokeRefreshToken && settings.refreshTokenMaxReuse > 0) {
    throw new InputError(
      `refreshTokenMaxReuse is ${settings.refreshTokenMaxReuse} but revokeRefreshToken is off`,
      { keyPath: 'refreshTokenMaxReuse' },
      'reuse limits apply only with refresh-token rotation: turn revokeRefreshToken on or set refreshTokenMaxReuse to 0',
    );
  }
  return settings;
}

function durationArg(key: string, value: Duration): number {
  return durationInput(value, key, { keyPath: key });
}
