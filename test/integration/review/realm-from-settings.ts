/**
 * Test support: creates a live realm that matches a RealmSettings, through the admin API
 * (POST /admin/realms with a full RealmRepresentation), so audit has a realm "where the baseline
 * was applied" without running Pulumi. Covers what the audit fixtures declare: realm settings,
 * clients and key providers (client policies and the token-version claim are not needed there).
 */
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import type { RealmSettings } from '../../../model/realm-settings.ts';

const KEY_PROVIDER = 'org.keycloak.keys.KeyProvider';

export function realmRepresentation(settings: RealmSettings): Record<string, unknown> {
  if (settings.clientPolicies.length > 0 || settings.tokenVersionClaim) {
    throw new Error(
      'realmRepresentation: client policies and the token-version claim are not supported by this test helper',
    );
  }
  const {
    keyProviders,
    clients,
    compromisedKeys: _compromised,
    clientPolicies: _policies,
    clientProfiles: _profiles,
    tokenVersionClaim: _claim,
    ...realm
  } = settings;
  return {
    ...realm,
    clients: clients.map((client) => ({ ...client })),
    components: {
      [KEY_PROVIDER]: keyProviders.map((key) => ({
        name: key.name,
        providerId: key.providerId,
        subComponents: {},
        config: Object.fromEntries(
          Object.entries({
            priority: key.priority,
            enabled: key.enabled,
            active: key.active,
            algorithm: key.algorithm,
            keySize: key.keySize,
            ellipticCurve: key.ellipticCurve,
            secretSize: key.secretSize,
          })
            .filter(([, value]) => value !== undefined)
            .map(([name, value]) => [name, [String(value)]]),
        ),
      })),
    },
  };
}

export async function createRealmFromSettings(admin: KcAdminClient, settings: RealmSettings): Promise<void> {
  await admin.realms.create(realmRepresentation(settings));
}
