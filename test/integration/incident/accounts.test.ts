/**
 * disable-user, disable-client, rotate-client-secret, bump-token-version and contain-user against
 * a real Keycloak, each shown by what Keycloak then refuses or stores.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bumpTokenVersion,
  containUser,
  disableClient,
  disableUser,
  rotateClientSecret,
} from '../../../incident/index.ts';
import { API_SECRET, nextSecond, PASSWORD, RealmFixture } from './support/realm-fixture.ts';

let fx: RealmFixture;
beforeAll(async () => {
  fx = await RealmFixture.create('incident-accounts');
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

async function clientCredentialsStatus(clientId: string, secret: string): Promise<number> {
  const response = await fetch(fx.endpoint('token'), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  await response.text();
  return response.status;
}

async function passwordGrantStatus(username: string): Promise<number> {
  const response = await fetch(fx.endpoint('token'), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'web', username, password: PASSWORD }),
  });
  await response.text();
  return response.status;
}

describe('disable-user', () => {
  it('disables the account and ends its sessions, offline ones too', async () => {
    const userId = await fx.createUser('dave');
    const web = await fx.login('dave', 'web');
    const offline = await fx.login('dave', 'api', true);
    const result = await disableUser(
      fx.context({ suspect: { token: web.access_token, introspection: fx.introspector() } }),
      { user: 'dave' },
    );
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect((await fx.kc.users.findOne({ realm: fx.realm, id: userId }))?.enabled).toBe(false);
    expect(await fx.sessionCounts(userId)).toEqual({ online: 0, offline: 0 });
    expect(await fx.refreshStatus(offline.refresh_token, 'api')).toBe(400);
    expect(await passwordGrantStatus('dave')).toBe(400);
    expect(await fx.active(web.access_token)).toBe(false);
    // Other attributes survive the PUT.
    expect((await fx.kc.users.findOne({ realm: fx.realm, id: userId }))?.email).toBe('dave@example.test');
  });
});

describe('disable-client', () => {
  it('disables the client; its tokens stop refreshing and introspecting; prints the baseline edit', async () => {
    await fx.createUser('cleo');
    const { id } = await fx.kc.clients.create({
      realm: fx.realm,
      clientId: 'partner',
      publicClient: false,
      secret: 'partner-secret-0123456789',
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    await fx.kc.clients.addProtocolMapper(
      { realm: fx.realm, id },
      {
        name: 'audience-introspector',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-audience-mapper',
        config: { 'included.client.audience': 'introspector', 'access.token.claim': 'true' },
      },
    );
    const partner = { client_id: 'partner', client_secret: 'partner-secret-0123456789' };
    const response = await fetch(fx.endpoint('token'), {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: 'cleo', password: PASSWORD, ...partner }),
    });
    const tokens = (await response.json()) as { access_token: string; refresh_token: string };
    await nextSecond();
    const result = await disableClient(
      fx.context({ suspect: { token: tokens.access_token, introspection: fx.introspector() } }),
      { client: 'partner' },
    );
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.evidence.map((item) => [item.check, item.status])).toEqual([
      ['client partner not-before push: clients reached', 'pass'],
      ['client disabled', 'pass'],
      ['client not-before', 'pass'],
      [expect.stringMatching(/^the access token of client partner .* was issued before not-before$/), 'pass'],
      [expect.stringMatching(/^introspection of the access token of client partner/), 'pass'],
    ]);
    expect(result.baselineEdit).toContain('clients:\n  - clientId: partner\n    enabled: false');
    const [client] = await fx.kc.clients.find({ realm: fx.realm, clientId: 'partner' });
    expect(client?.enabled).toBe(false);
    expect(client?.notBefore).toBeGreaterThan(0);
    expect(await fx.active(tokens.access_token)).toBe(false);
    const refresh = await fetch(fx.endpoint('token'), {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, ...partner }),
    });
    expect(refresh.status).toBeGreaterThanOrEqual(400);
  });
});

describe('rotate-client-secret', () => {
  it('the old secret is refused, the new one works; it lands in a 0600 file and nowhere in the result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'realmguard-secret-'));
    const file = join(dir, 'api.secret');
    expect(await clientCredentialsStatus('api', API_SECRET)).toBe(200);
    const result = await rotateClientSecret(fx.context(), { client: 'api', secretFile: file });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.evidence.map((item) => [item.check, item.status])).toEqual([
      ['old secret refused', 'pass'],
      ['new secret accepted', 'pass'],
    ]);
    const fresh = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await clientCredentialsStatus('api', API_SECRET)).toBe(401);
    expect(await clientCredentialsStatus('api', fresh)).toBe(200);
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain(fresh);
    expect(serialized).not.toContain(API_SECRET);
    // Put the fixture's secret back for the other tests.
    const uuid = await fx.clientUuid('api');
    const client = await fx.kc.clients.findOne({ realm: fx.realm, id: uuid });
    await fx.kc.clients.update({ realm: fx.realm, id: uuid }, { ...client, secret: API_SECRET });
  });

  it('refuses a public client', async () => {
    const result = await rotateClientSecret(fx.context(), { client: 'web' });
    expect(result.ok).toBe(false);
    expect(result.error).toBe("client 'web' has no secret to rotate (public client)");
  });
});

describe('bump-token-version', () => {
  it('raises the attribute by one each time', async () => {
    const userId = await fx.createUser('tara');
    const first = await bumpTokenVersion(fx.context(), { user: 'tara' });
    expect(first.ok).toBe(true);
    expect(first.notes).toContain('token_version: 0 → 1');
    const second = await bumpTokenVersion(fx.context(), { user: userId });
    expect(second.ok).toBe(true);
    expect((await fx.kc.users.findOne({ realm: fx.realm, id: userId }))?.attributes?.token_version).toEqual(['2']);
  });

  it('fails with the reason when the user profile drops the attribute', async () => {
    await fx.createUser('ulla');
    const profile = await fx.kc.users.getProfile({ realm: fx.realm });
    await fx.kc.users.updateProfile({ ...profile, realm: fx.realm, unmanagedAttributePolicy: undefined });
    try {
      const result = await bumpTokenVersion(fx.context(), { user: 'ulla' });
      expect(result.ok).toBe(false);
      expect(result.evidence[0]?.detail).toMatch(/user profile drops undeclared attributes — declare 'token_version'/);
    } finally {
      await fx.kc.users.updateProfile({ ...profile, realm: fx.realm });
    }
  });
});

describe('contain-user', () => {
  it('logs out everywhere, bumps the token version and disables', async () => {
    const userId = await fx.createUser('cody');
    const web = await fx.login('cody', 'web');
    const offline = await fx.login('cody', 'api', true);
    const result = await containUser(fx.context(), { user: 'cody', disable: true });
    expect(result.error).toBeUndefined();
    expect(result.steps?.map((step) => [step.action, step.ok])).toEqual([
      ['disable-user', true],
      ['bump-token-version', true],
    ]);
    expect(await fx.sessionCounts(userId)).toEqual({ online: 0, offline: 0 });
    expect(await fx.refreshStatus(web.refresh_token)).toBe(400);
    expect(await fx.refreshStatus(offline.refresh_token, 'api')).toBe(400);
    const user = await fx.kc.users.findOne({ realm: fx.realm, id: userId });
    expect(user?.enabled).toBe(false);
    expect(user?.attributes?.token_version).toEqual(['1']);
  });
});
