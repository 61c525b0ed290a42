/**
 * rotate-keys and contain-realm against a real Keycloak: the JWKS and GET /keys show the new key
 * signing, the old one passive (routine) or gone (emergency), and tokens signed before fail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { containRealm, rotateKeys } from '../../../incident/index.ts';
import { nextSecond, RealmFixture } from './support/realm-fixture.ts';
import { startProxy, stateChanging } from './support/recording-proxy.ts';

let fx: RealmFixture;
beforeEach(async () => {
  fx = await RealmFixture.create('incident-keys');
  await fx.createUser('kira');
});
afterEach(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

function kidOf(jwt: string): string {
  return (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }).kid;
}

async function rs256(): Promise<Array<{ kid?: string; status?: string; providerPriority?: number }>> {
  const { keys } = await fx.kc.realms.getKeys({ realm: fx.realm });
  return (keys ?? []).filter((key) => key.algorithm === 'RS256');
}

async function jwksKids(): Promise<string[]> {
  const response = await fetch(`${fx.url}/realms/${fx.realm}/protocol/openid-connect/certs`);
  return ((await response.json()) as { keys: Array<{ kid: string }> }).keys.map((key) => key.kid);
}

describe('rotate-keys', () => {
  it('routine: a new key signs, the old one is passive and still verifies', async () => {
    const before = await fx.login('kira');
    const oldKid = kidOf(before.access_token);
    const result = await rotateKeys(fx.context(), { mode: 'routine' });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    const keys = await rs256();
    expect(keys.find((key) => key.kid === oldKid)?.status).toBe('PASSIVE');
    const after = await fx.login('kira');
    expect(kidOf(after.access_token)).not.toBe(oldKid);
    expect(keys.find((key) => key.kid === kidOf(after.access_token))?.status).toBe('ACTIVE');
    expect(await jwksKids()).toContain(oldKid);
    // A passive key still verifies what it signed: the old session's refresh works.
    expect(await fx.refreshStatus(before.refresh_token)).toBe(200);
    expect(result.baselineEdit).toContain('state: passive');
    expect(result.baselineEdit).toContain('type: rsa-generated');
  });

  it('emergency by kid: the compromised key leaves GET /keys and the JWKS at once; earlier tokens fail', async () => {
    const before = await fx.login('kira');
    const oldKid = kidOf(before.access_token);
    await nextSecond();
    const result = await rotateKeys(fx.context(), { mode: 'emergency', kid: oldKid });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.evidence.filter((item) => item.status === 'pass').map((item) => item.check)).toEqual(
      expect.arrayContaining([
        'compromised kid gone from GET /keys',
        'compromised kid gone from the public JWKS',
        'realm not-before',
        'new key signs',
      ]),
    );
    expect((await rs256()).map((key) => key.kid)).not.toContain(oldKid);
    expect(await jwksKids()).not.toContain(oldKid);
    expect(await fx.active(before.access_token)).toBe(false);
    expect(await fx.refreshStatus(before.refresh_token)).toBe(400);
    expect(result.baselineEdit).toMatch(/state: retired/);
    expect(result.baselineEdit).toMatch(new RegExp(`compromised:\\n    - rsa-generated\\n    - ${oldKid}`));
  });

  it('emergency by provider name works the same way', async () => {
    const [oldKey] = await rs256();
    const result = await rotateKeys(fx.context(), {
      mode: 'emergency',
      provider: 'rsa-generated',
      name: 'rsa-after-incident',
    });
    expect(result.ok).toBe(true);
    const components = await fx.kc.components.find({ realm: fx.realm, type: 'org.keycloak.keys.KeyProvider' });
    expect(components.map((component) => component.name)).toContain('rsa-after-incident');
    expect(components.map((component) => component.name)).not.toContain('rsa-generated');
    expect(await jwksKids()).not.toContain(oldKey?.kid);
  });

  it('dry run: creates, changes and deletes nothing', async () => {
    const before = await rs256();
    const proxy = await startProxy(fx.url);
    try {
      const result = await rotateKeys(fx.context({ dryRun: true, url: proxy.url }), { mode: 'emergency' });
      expect(result.ok).toBe(true);
      const held = result.requests
        .filter((request) => !request.sent)
        .map((request) => `${request.method} ${request.path.replace(/components\/[^/]+$/, 'components/ID')}`);
      expect(held).toEqual([
        `POST /admin/realms/${fx.realm}/components`,
        `DELETE /admin/realms/${fx.realm}/components/ID`,
        `PUT /admin/realms/${fx.realm}`,
        `POST /admin/realms/${fx.realm}/push-revocation`,
      ]);
      expect(stateChanging(proxy.log)).toEqual([]);
    } finally {
      await proxy.close();
    }
    expect(await rs256()).toEqual(before);
  });

  it('names an unknown kid', async () => {
    const result = await rotateKeys(fx.context(), { mode: 'emergency', kid: 'no-such-kid' });
    expect(result.ok).toBe(false);
    expect(result.error).toBe(`unknown key id 'no-such-kid' in realm '${fx.realm}': GET /keys does not list it`);
  });
});

describe('contain-realm', () => {
  it('rotates the compromised key, logs everyone out and pushes not-before', async () => {
    const before = await fx.login('kira', 'web');
    const offline = await fx.login('kira', 'api', true);
    const oldKid = kidOf(before.access_token);
    await nextSecond();
    const result = await containRealm(fx.context(), { kid: oldKid });
    expect(result.error).toBeUndefined();
    expect(result.steps?.map((step) => [step.action, step.ok])).toEqual([
      ['rotate-keys', true],
      ['logout-realm', true],
      ['not-before', true],
    ]);
    expect(result.ok).toBe(true);
    expect(await jwksKids()).not.toContain(oldKid);
    expect(await fx.refreshStatus(before.refresh_token)).toBe(400);
    expect(await fx.refreshStatus(offline.refresh_token, 'api')).toBe(400);
    const stats = await fx.kc.realms.getClientSessionStats({ realm: fx.realm });
    expect(stats.filter((stat) => Number(stat.active) + Number(stat.offline) > 0)).toEqual([]);
  });
});
