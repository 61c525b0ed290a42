/**
 * The client policy's field table: one row per field of ClientPolicySettings, with its baseline
 * key, its key in Keycloak's ClientPolicyRepresentation (a realm export's `clientPolicies.policies`
 * item and GET /admin/realms/{realm}/client-policies/policies alike), the argument of
 * keycloak.RealmClientPolicyProfilePolicy (@pulumi/keycloak 6.13), the diff class and Keycloak's
 * default. The baseline schema's and the export schema's policy parts, both adapters, both
 * directions of the provider dialect (model/provider-dialect/client-policies.ts) and the policy
 * diff are derived from it; test/unit/model/client-policy-field-table.test.ts checks each.
 *
 * To add a client policy field: add it to ClientPolicySettings and its row here.
 */
import { KEYCLOAK_GLOBAL_CLIENT_PROFILES } from '../keycloak-catalog.ts';
import type { ClientPolicySettings } from '../realm-settings.ts';
import type { DiffClass, FieldKind, KindValue } from './field-row.ts';
import type { EntityBaselineKey } from './entity-row.ts';

export interface ClientPolicyFieldRow<K extends FieldKind = FieldKind> {
  kind: K;
  /** One line for people (the baseline schema's description). */
  doc: string;
  baseline: EntityBaselineKey;
  /** The ClientPolicyRepresentation key; `required`: every policy has it. */
  representation: { key: string; required?: true };
  /**
   * The policy resource's argument. as-is: the model's value, both ways; custom: written as-is,
   * read back by hand in model/provider-dialect/client-policies.ts (the row says why).
   */
  provider: { argument: string; conversion: 'as-is' | 'custom' };
  diff: DiffClass;
  /** What Keycloak 26 stores when a policy leaves the field out (test/integration/model/key-provider-defaults.test.ts). */
  keycloakDefault?: KindValue[K];
}

export type AnyClientPolicyFieldRow = { [K in FieldKind]: ClientPolicyFieldRow<K> }[FieldKind];
export type ClientPolicyFieldName = keyof ClientPolicySettings;

export const CLIENT_POLICY_FIELDS = {
  name: {
    kind: 'text',
    doc: 'Client policy name.',
    baseline: { key: 'name', required: true },
    representation: { key: 'name', required: true },
    provider: { argument: 'name', conversion: 'as-is' },
    diff: { custom: "ignored: the policy's identity (review/classify/client-policy-table.ts)" },
  },
  enabled: {
    kind: 'boolean',
    doc: 'Whether the policy is enforced.',
    // A baseline policy is declared to be enforced.
    baseline: { key: 'enabled', default: true },
    representation: { key: 'enabled' },
    // Always sent (the provider's default is true). Read back by hand: a policy whose conditions
    // select no client enforces nothing, whatever its flag says.
    provider: { argument: 'enabled', conversion: 'custom' },
    diff: { safeWhen: true, reason: 'client policy disabled: its profiles no longer apply' },
    // A policy stored without `enabled` is disabled (PUT and realm import alike).
    keycloakDefault: false,
  },
  profiles: {
    kind: 'text-list',
    doc: 'Names of the client profiles the policy applies.',
    baseline: {
      key: 'profiles',
      required: true,
      // The components create policies, not profiles: a baseline may use Keycloak's built-in ones.
      oneOf: KEYCLOAK_GLOBAL_CLIENT_PROFILES,
      minItems: 1,
      description: 'a Keycloak built-in client profile',
    },
    representation: { key: 'profiles' },
    provider: { argument: 'profiles', conversion: 'as-is' },
    diff: { custom: 'each profile judged (review/classify/client-policy-table.ts)' },
    keycloakDefault: [],
  },
} as const satisfies Record<ClientPolicyFieldName, AnyClientPolicyFieldRow>;

export type ClientPolicyFieldTable = typeof CLIENT_POLICY_FIELDS;

/** Typed entries of the client policy table. */
export function clientPolicyRows(): [ClientPolicyFieldName, AnyClientPolicyFieldRow][] {
  return Object.entries(CLIENT_POLICY_FIELDS) as [ClientPolicyFieldName, AnyClientPolicyFieldRow][];
}

/** Client policy fields whose diff is written by hand. */
export type ClientPolicyCustomDiffField = {
  [F in ClientPolicyFieldName]: ClientPolicyFieldTable[F]['diff'] extends { custom: string } ? F : never;
}[ClientPolicyFieldName];
