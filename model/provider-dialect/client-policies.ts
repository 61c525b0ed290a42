/**
 * Client policies in the Pulumi provider's dialect: keycloak.RealmClientPolicyProfilePolicy
 * (@pulumi/keycloak 6.13). The arguments are the client policy table's provider column
 * (model/fields/client-policy.ts); the conditions, which the model does not hold, are added here.
 */
import type { ClientPolicySettings } from '../realm-settings.ts';
import {
  CLIENT_POLICY_FIELDS,
  clientPolicyRows,
  type ClientPolicyFieldName,
  type ClientPolicyFieldTable,
} from '../fields/client-policy.ts';
import { bool, ofKind } from './narrow.ts';

/**
 * Keycloak's condition that selects every client. Keycloak applies a policy only to the clients
 * its conditions select, and a policy without conditions to none, so the model's "this realm's
 * clients follow these profiles" needs this one condition. It takes no configuration.
 */
export const ANY_CLIENT_CONDITION = 'any-client';

/** One entry of the provider's `conditions` list (Keycloak's `condition` and its `configuration`). */
export interface ClientPolicyConditionDialect {
  name: string;
  configuration?: Record<string, string>;
}

/** keycloak.RealmClientPolicyProfilePolicyArgs without realmId: the table's arguments, and the conditions. */
export type ClientPolicyDialectArgs = {
  -readonly [F in ClientPolicyFieldName as ClientPolicyFieldTable[F]['provider']['argument']]: ClientPolicySettings[F];
} & { conditions: ClientPolicyConditionDialect[] };

/**
 * The policy resource's arguments. `enabled` is always sent (the provider's default is true, so
 * a disabled policy must say so). Profiles are referred to by name: Keycloak's built-in (global)
 * profiles need no resource of their own.
 */
export function clientPolicyArgsFromSettings(policy: ClientPolicySettings): ClientPolicyDialectArgs {
  const args = Object.fromEntries(
    clientPolicyRows().map(([field, row]) => {
      const value = policy[field];
      return [row.provider.argument, Array.isArray(value) ? [...value] : value];
    }),
  );
  return { ...(args as Omit<ClientPolicyDialectArgs, 'conditions'>), conditions: [{ name: ANY_CLIENT_CONDITION }] };
}

/**
 * The client policy a policy resource's inputs declare. An omitted `enabled` is the provider's
 * default (true). A policy whose conditions are absent or empty selects no client in Keycloak,
 * so it is reported as not enabled: that is its effect. Other conditions (client type, roles,
 * scopes...) select some clients; the model cannot say which, so the policy's own flag is kept.
 */
export function clientPolicySettingsFromInputs(props: Record<string, unknown>): Partial<ClientPolicySettings> {
  const out: Partial<Record<ClientPolicyFieldName, unknown>> = {};
  for (const [field, row] of clientPolicyRows()) {
    if (row.provider.conversion !== 'as-is') continue;
    const value = ofKind(row.kind, props[row.provider.argument]);
    if (value !== undefined) out[field] = value;
  }
  const conditions = Array.isArray(props.conditions) ? props.conditions : [];
  out.enabled = conditions.length > 0 && (bool(props[CLIENT_POLICY_FIELDS.enabled.provider.argument]) ?? true);
  return out as Partial<ClientPolicySettings>;
}
