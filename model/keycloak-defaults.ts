/**
 * Keycloak 26's values for the fields a realm export or an admin API answer may leave out.
 * Checked against a real Keycloak 26.7 (test/integration/model/keycloak-defaults.test.ts creates
 * a realm and a client with minimal fields and compares what the server reports).
 */
import type { ClientSettings } from './realm-settings.ts';
import { clientRows } from './fields/client.ts';
import { rowsOf } from './fields/field-row.ts';
import { REALM_FIELDS, type RealmFieldValues } from './fields/realm.ts';

/** RealmSettings fields a realm gets when nothing sets them. */
export type RealmDefaults = RealmFieldValues;

/** Read from the realm field table's keycloakDefault column. */
export const KEYCLOAK_REALM_DEFAULTS: Readonly<RealmDefaults> = Object.freeze(
  Object.fromEntries(
    rowsOf(REALM_FIELDS).map(([field, row]) => [field, row.keycloakDefault]),
  ) as unknown as RealmDefaults,
);

/** ClientSettings fields a client gets when nothing sets them (besides clientId). */
export type ClientDefaults = Omit<ClientSettings, 'clientId' | 'id' | 'name' | 'notBefore'>;

/** Read from the client field table's keycloakDefault column. */
export const KEYCLOAK_CLIENT_DEFAULTS: Readonly<ClientDefaults> = Object.freeze(
  Object.fromEntries(
    clientRows().flatMap(([field, row]) => (row.keycloakDefault === undefined ? [] : [[field, row.keycloakDefault]])),
  ) as unknown as ClientDefaults,
);

export { KEYCLOAK_KEY_DEFAULTS, KEYCLOAK_BUILT_IN_KEYS, isKeycloakBuiltInKey } from './keycloak-keys.ts';

/** A fresh copy of the realm defaults (arrays and maps not shared). */
export function realmDefaults(): RealmDefaults {
  return structuredClone(KEYCLOAK_REALM_DEFAULTS);
}

export function clientDefaults(): ClientDefaults {
  // Called once per client of an export (thousands): plain copies, not structuredClone.
  return {
    ...KEYCLOAK_CLIENT_DEFAULTS,
    redirectUris: [],
    webOrigins: [],
    defaultClientScopes: [],
    optionalClientScopes: [],
    attributes: {},
  };
}
