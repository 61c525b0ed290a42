import { describe, expect, it } from 'vitest';
import { adminClient, keycloak, uniqueRealmName } from '../support/keycloak.ts';

describe('the Keycloak under test', () => {
  it('is a real Keycloak 26 whose admin API creates and reads back a realm', async () => {
    const admin = await adminClient();
    const info = await admin.serverInfo.find();
    expect(info.systemInfo?.version).toMatch(/^26\./);
    const realm = uniqueRealmName('smoke');
    await admin.realms.create({ realm, enabled: true, accessTokenLifespan: 240 });
    const read = await admin.realms.findOne({ realm });
    expect(read?.accessTokenLifespan).toBe(240);
    await admin.realms.del({ realm });
    expect(keycloak().url).toMatch(/^http:\/\/(127\.0\.0\.1|localhost)/);
  });
});
