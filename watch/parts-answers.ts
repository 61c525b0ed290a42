/**
 * The kept realm and its parts as the live reader's answers (model/live.ts), so an admin change
 * is adapted to the model by the same adapter as `audit` and a realm export, and judged by the
 * same classification as `diff`. Clients appear with what the parts keep of them (their scope
 * lists); everything else a client has is Keycloak's default on both sides of a comparison.
 */
import { isRecord, type JsonRecord } from '../keycloak/answers.ts';
import { USER_PROFILE_CONFIG_KEY } from '../model/export/entities-schema.ts';
import { liveRealmFromAnswers, type LiveAnswers } from '../model/live.ts';
import type { LoadedRealm } from '../model/realm-settings.ts';
import type { FlowStep, RealmParts } from './realm-parts.ts';

/**
 * Keycloak's flattened step lists (each step with its nesting level) as a realm export's flows:
 * a sub-flow step opens the sub-flow its alias names, and the steps one level deeper that follow
 * it are its own.
 */
export function exportedFlows(flows: RealmParts['flows']): JsonRecord[] {
  const exported: JsonRecord[] = [];
  for (const [alias, steps] of Object.entries(flows)) {
    const top = { alias, topLevel: true, authenticationExecutions: [] as JsonRecord[] };
    exported.push(top);
    const open: Array<{ authenticationExecutions: JsonRecord[] }> = [top];
    for (const step of steps) {
      // A step at level n belongs to the flow open at level n; deeper flows it follows are closed.
      open.length = Math.min(step.level, open.length - 1) + 1;
      (open.at(-1) ?? top).authenticationExecutions.push(execution(step));
      if (step.subFlow !== undefined) {
        const sub = { alias: step.subFlow, topLevel: false, authenticationExecutions: [] as JsonRecord[] };
        exported.push(sub);
        open.push(sub);
      }
    }
  }
  return exported;
}

function execution(step: FlowStep): JsonRecord {
  return {
    ...(step.subFlow !== undefined
      ? { authenticatorFlow: true, flowAlias: step.subFlow }
      : { authenticatorFlow: false, ...(step.providerId ? { authenticator: step.providerId } : {}) }),
    requirement: step.requirement,
    ...(step.priority !== undefined ? { priority: step.priority } : {}),
  };
}

/** The answers of a realm that has nothing but its own settings: what every comparison is laid over. */
export function bareAnswers(realm: JsonRecord): LiveAnswers {
  return {
    realm,
    clients: [],
    keyComponents: [],
    keys: [],
    clientScopes: [],
    defaultClientScopes: [],
    clientPolicies: { policies: [] },
    clientProfiles: { profiles: [] },
  };
}

/** The model of the answers, adapted as `audit` adapts a live realm. */
export function loadedAnswers(answers: LiveAnswers): LoadedRealm {
  const name = isRecord(answers.realm) ? answers.realm.realm : '';
  return liveRealmFromAnswers(answers, `admin event on realm ${String(name)}`);
}

export function partsAnswers(realm: JsonRecord, parts: RealmParts): LiveAnswers {
  return {
    ...bareAnswers(realm),
    clients: Object.values(parts.clients),
    keyComponents: parts.keyComponents,
    entities: {
      identityProviders: parts.identityProviders,
      identityProviderMappers: parts.identityProviderMappers,
      authenticationFlows: exportedFlows(parts.flows),
      authenticatorConfig: [],
    },
    ...(parts.userProfile
      ? {
          userProfile: {
            providerId: 'declarative-user-profile',
            config: { [USER_PROFILE_CONFIG_KEY]: [JSON.stringify(parts.userProfile)] },
          },
        }
      : {}),
  };
}

export function loadedFromParts(realm: JsonRecord, parts: RealmParts): LoadedRealm {
  return loadedAnswers(partsAnswers(realm, parts));
}
