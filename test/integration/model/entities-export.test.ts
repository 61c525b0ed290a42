/**
 * The committed entities fixture (test/fixtures/exports/entities/entities-export.json) is what the
 * server writes today: the realm is imported and exported again, and both files give the same
 * model parts. When Keycloak changes what it exports, this fails and says how to regenerate.
 */
import { describe, expect, it } from 'vitest';
import { loadRealmFile, loadRealmText } from '../../../model/load.ts';
import type { RealmSettings } from '../../../model/realm-settings.ts';
import { exportEntitiesRealm } from '../../fixtures/exports/entities/create-entities-realm.ts';
import { adminClient } from '../../support/keycloak.ts';

const FIXTURE = 'test/fixtures/exports/entities/entities-export.json';

/** The entity parts, every list sorted: Keycloak lists roles, scopes and mappers in no stable order. */
function entityParts(settings: RealmSettings): unknown {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value))
      return value.map(sorted).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, sorted(child)]));
    return value;
  };
  const { identityProviders, clientScopes, access, authentication, userProfile } = settings;
  const clients = settings.clients.map(({ clientId, rootUrl, baseUrl, protocolMappers }) => ({
    clientId,
    rootUrl,
    baseUrl,
    protocolMappers,
  }));
  return sorted({ identityProviders, clientScopes, access, authentication, userProfile, clients });
}

describe('the entities fixture matches what Keycloak exports', () => {
  it('the same realm, imported and exported again now, gives the same entity parts', async () => {
    const fresh = await exportEntitiesRealm(await adminClient());
    const [now] = loadRealmText(JSON.stringify(fresh), 'fresh-export.json');
    const [committed] = await loadRealmFile(FIXTURE);
    expect(
      entityParts(now!.settings),
      `${FIXTURE} is stale: regenerate it with test/fixtures/exports/entities/export-entities-realm.ts`,
    ).toEqual(entityParts(committed!.settings));
  });
});
