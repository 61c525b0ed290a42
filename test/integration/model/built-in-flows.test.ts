/**
 * KEYCLOAK_BUILT_IN_FLOWS against the real Keycloak: a realm created with only its name holds
 * exactly these flows, bound as browser and first broker login flows, as the live reader (what
 * `audit` uses) reads them — so the pack may judge a stack that binds no flow of its own by them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import {
  DEFAULT_BROWSER_FLOW,
  DEFAULT_FIRST_BROKER_LOGIN_FLOW,
  KEYCLOAK_BUILT_IN_FLOWS,
} from '../../../model/keycloak-flows.ts';
import { readLiveRealm } from '../../../model/live.ts';
import { adminLiveSource } from '../../support/live-source.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
const realm = uniqueRealmName('built-in-flows');

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm });
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

describe("Keycloak's own flows in a new realm", () => {
  it('are KEYCLOAK_BUILT_IN_FLOWS, with the default bindings', async () => {
    const live = await readLiveRealm(adminLiveSource(realm), realm);
    expect(live.settings.authentication).toEqual({
      browserFlow: DEFAULT_BROWSER_FLOW,
      firstBrokerLoginFlow: DEFAULT_FIRST_BROKER_LOGIN_FLOW,
      flows: KEYCLOAK_BUILT_IN_FLOWS,
    });
  });
});
