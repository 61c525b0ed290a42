/**
 * The parts of a realm's configuration the admin events other than realm and client updates
 * change, as the watcher keeps them to compare each change with: the clients' ids and scope
 * lists, the service-account users, the client scopes' names, each top-level flow's steps (as
 * GET …/executions lists them: with the ids an AUTH_EXECUTION event names), the identity
 * providers, the key providers and the user profile. Read once on the first start (GET only:
 * view-realm, view-clients, view-users, view-identity-providers), then kept current from the
 * events and carried by the state file. Secrets are never kept: Keycloak masks them in these
 * answers, and the keys that would hold one are dropped all the same.
 */
import { Type, type Static } from '@sinclair/typebox';
import { isSecretConfigKey } from '../model/entities/identity-providers.ts';
import { KEY_PROVIDER_COMPONENT_TYPE } from '../model/export/schema.ts';
import { readIdentityProviders } from '../model/live/identity-providers.ts';
import { RealmReads, isRecord, text, type JsonObject, type LiveSource } from '../model/live/reads.ts';

const Json = Type.Record(Type.String(), Type.Unknown());

const ClientEntrySchema = Type.Object({
  clientId: Type.String(),
  protocol: Type.Optional(Type.String()),
  defaultClientScopes: Type.Array(Type.String()),
  optionalClientScopes: Type.Array(Type.String()),
});

const StepSchema = Type.Object({
  id: Type.String(),
  level: Type.Integer(),
  requirement: Type.String(),
  /** The authenticator; absent for a sub-flow. */
  providerId: Type.Optional(Type.String()),
  /** A sub-flow step: its alias (Keycloak lists a sub-flow under its alias as display name). */
  subFlow: Type.Optional(Type.String()),
  priority: Type.Optional(Type.Integer()),
});

export const RealmPartsSchema = Type.Object({
  /** Client uuid → what the client rules read of its scopes (role mappings and scope links name clients by uuid). */
  clients: Type.Record(Type.String(), ClientEntrySchema),
  /** Service-account user id → its client's clientId (a role mapping on users/{id} does not say it is one). */
  serviceAccounts: Type.Record(Type.String(), Type.String()),
  /** Client scope id → name. */
  clientScopes: Type.Record(Type.String(), Type.String()),
  /** Top-level flow alias → its steps, flattened in Keycloak's order. */
  flows: Type.Record(Type.String(), Type.Array(StepSchema)),
  identityProviders: Type.Array(Json),
  identityProviderMappers: Type.Array(Json),
  keyComponents: Type.Array(Json),
  /** The user profile (UPConfig) as GET /users/profile answers it. */
  userProfile: Type.Optional(Json),
});
export type RealmParts = Static<typeof RealmPartsSchema>;
export type ClientEntry = Static<typeof ClientEntrySchema>;
export type FlowStep = Static<typeof StepSchema>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export function clientEntry(client: JsonObject): ClientEntry | undefined {
  const clientId = text(client.clientId);
  if (clientId === undefined) return undefined;
  const protocol = text(client.protocol);
  return {
    clientId,
    ...(protocol ? { protocol } : {}),
    defaultClientScopes: strings(client.defaultClientScopes),
    optionalClientScopes: strings(client.optionalClientScopes),
  };
}

/** A flattened execution list entry as a step; undefined without an id or a requirement. */
export function flowStep(execution: JsonObject): FlowStep | undefined {
  const id = text(execution.id);
  const requirement = text(execution.requirement);
  if (id === undefined || requirement === undefined) return undefined;
  const level = typeof execution.level === 'number' && Number.isSafeInteger(execution.level) ? execution.level : 0;
  const priority = typeof execution.priority === 'number' ? execution.priority : undefined;
  const subFlow = execution.authenticationFlow === true ? text(execution.displayName) : undefined;
  const providerId = subFlow === undefined ? text(execution.providerId) : undefined;
  return {
    id,
    level,
    requirement,
    ...(providerId ? { providerId } : {}),
    ...(subFlow ? { subFlow } : {}),
    ...(priority !== undefined ? { priority } : {}),
  };
}

/** A config map without the keys that could hold a secret (client secrets, private keys, keystore passwords). */
export function withoutSecrets(entity: JsonObject): JsonObject {
  if (!isRecord(entity.config)) return entity;
  const config = Object.fromEntries(Object.entries(entity.config).filter(([key]) => !isSecretConfigKey(key)));
  return { ...entity, config };
}

export async function readRealmParts(source: LiveSource, realm: string): Promise<RealmParts> {
  const reads = new RealmReads(source, realm);
  const [clients, scopes, topFlows, { identityProviders, identityProviderMappers }, keyComponents, userProfile] =
    await Promise.all([
      reads.pages('list clients', '/clients', 'view-clients'),
      reads.objects(reads.read('list client scopes', '/client-scopes', 'view-clients')),
      reads.objects(reads.read('list authentication flows', '/authentication/flows', 'view-realm')),
      readIdentityProviders(reads),
      reads.objects(
        reads.read('list key providers', '/components', 'view-realm', {}, { type: KEY_PROVIDER_COMPONENT_TYPE }),
      ),
      reads.object(reads.read('read the user profile', '/users/profile', 'view-realm')),
    ]);
  const accountOwners = clients.filter((client) => client.serviceAccountsEnabled === true && text(client.id));
  const aliases = topFlows.map((flow) => text(flow.alias)).filter((alias) => alias !== undefined);
  const [accounts, steps] = await Promise.all([
    reads.each(accountOwners, async (client) => {
      const user = await reads.get(
        reads.read('read a service-account user', '/clients/{id}/service-account-user', 'view-clients', {
          id: text(client.id) ?? '',
        }),
      );
      const userId = isRecord(user) ? text(user.id) : undefined;
      const clientId = text(client.clientId);
      return userId && clientId ? ([userId, clientId] as const) : undefined;
    }),
    reads.each(aliases, async (alias) => {
      const executions = await reads.objects(
        reads.read(`list the executions of flow '${alias}'`, '/authentication/flows/{alias}/executions', 'view-realm', {
          alias,
        }),
      );
      return [alias, executions.map(flowStep).filter((step) => step !== undefined)] as const;
    }),
  ]);
  return {
    clients: Object.fromEntries(
      clients.flatMap((client) => {
        const id = text(client.id);
        const entry = clientEntry(client);
        return id && entry ? [[id, entry]] : [];
      }),
    ),
    serviceAccounts: Object.fromEntries(accounts.filter((account) => account !== undefined)),
    clientScopes: Object.fromEntries(
      scopes.flatMap((scope) => {
        const [id, name] = [text(scope.id), text(scope.name)];
        return id && name ? [[id, name]] : [];
      }),
    ),
    flows: Object.fromEntries(steps),
    identityProviders: identityProviders.map(withoutSecrets),
    identityProviderMappers: identityProviderMappers.map(withoutSecrets),
    keyComponents: keyComponents.map(withoutSecrets),
    userProfile,
  };
}
