/**
 * Key rotation end to end with the real program: a token signed by key A keeps verifying
 * against the realm's JWKS through the whole `pulumi up` that adds key B and demotes A (checked
 * continuously while it runs); new tokens are signed by B; a compromised key is refused at
 * preview; retiring A removes it from the JWKS.
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminClient, keycloak } from '../support/keycloak.ts';
import { addSelfAudience, expectCleanFailure, realmguardProject } from './support/realmguard-project.ts';
import { expectKeycloakHolds } from './support/read-back.ts';

const SECRET = 'rotation-test-client-secret-0123456789';

function baseline(keys: string, compromised = ''): string {
  return `realm: placeholder
profile: baseline
keys:
  providers:
${keys}
${compromised}
clients:
  - clientId: svc
    type: confidential
    authenticator: client-secret
    flows: { standard: false, serviceAccounts: true }
`;
}

const keyA = (state: string) =>
  `    - { name: key-a, type: rsa-generated, state: ${state}, algorithm: RS256, keySize: 2048 }`;
const keyB = `    - { name: key-b, type: rsa-generated, state: active, algorithm: RS256, keySize: 2048 }`;

describe('key rotation through pulumi up', () => {
  it('never stops verifying a valid token, switches signing to the new key, refuses a compromised key, removes a retired one', async () => {
    const project = await realmguardProject('rotation', baseline(keyA('active')));
    const realm = project.realm;
    try {
      const secret = await project.run([
        'config',
        'set',
        '--secret',
        '--path',
        `realmguard:clientSecrets.${realm}.svc`,
        SECRET,
      ]);
      expect(secret.code, secret.stderr).toBe(0);
      const first = await project.up();
      expect(first.code, first.stdout + first.stderr).toBe(0);
      await expectKeycloakHolds(await project.load());
      await addSelfAudience(realm, 'svc');

      const kidOf = async (name: string) => kidsOfKey(realm, name);
      const tokenA = await clientCredentialsToken(realm);
      expect(await kidOf('key-a')).toContain(jwtHeader(tokenA).kid);
      expect(await verifiesAgainstJwks(realm, tokenA)).toBe(true);

      // Rotate: B active, A passive. Verify token A continuously while pulumi up runs.
      project.writeBaseline(baseline(`${keyA('passive')}\n${keyB}`));
      const watch = watchVerification(realm, tokenA);
      const rotate = await project.up();
      const watched = await watch.stop();
      expect(rotate.code, rotate.stdout + rotate.stderr).toBe(0);
      expect(watched.checks).toBeGreaterThan(0);
      expect(watched.failures, 'moments at which token A did not verify during the rotation').toEqual([]);
      await expectKeycloakHolds(await project.load());

      const tokenB = await clientCredentialsToken(realm);
      expect(await kidOf('key-b')).toContain(jwtHeader(tokenB).kid);
      expect(await verifiesAgainstJwks(realm, tokenA), 'token A after rotation (A passive)').toBe(true);
      expect(await introspect(realm, tokenA)).toMatchObject({ active: true });
      expect((await project.previewNoChanges()).code).toBe(0);

      // A compromised key may not stay passive: preview fails with our message, nothing changes.
      project.writeBaseline(baseline(`${keyA('passive')}\n${keyB}`, '  compromised: [key-a]'));
      const refused = await project.run(['preview']);
      expectCleanFailure(refused, /'key-a'.*compromised|compromised.*'key-a'/);
      expect(await kidOf('key-a')).toContain(jwtHeader(tokenA).kid);

      // Retire A: gone from the JWKS; token A no longer verifies.
      const kidA = jwtHeader(tokenA).kid;
      project.writeBaseline(baseline(`${keyA('retired')}\n${keyB}`, '  compromised: [key-a]'));
      const retire = await project.up();
      expect(retire.code, retire.stdout + retire.stderr).toBe(0);
      expect((await jwks(realm)).map((key) => key.kid)).not.toContain(kidA);
      expect(await verifiesAgainstJwks(realm, tokenA)).toBe(false);
      expect(await verifiesAgainstJwks(realm, await clientCredentialsToken(realm))).toBe(true);
    } finally {
      await project.destroy();
    }
  });
});

async function clientCredentialsToken(realm: string): Promise<string> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'svc', client_secret: SECRET }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  expect(response.status, body.error_description).toBe(200);
  return body.access_token ?? '';
}

async function introspect(realm: string, token: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token/introspect`, {
    method: 'POST',
    body: new URLSearchParams({ token, client_id: 'svc', client_secret: SECRET }),
  });
  return (await response.json()) as Record<string, unknown>;
}

function jwtHeader(token: string): { kid: string; alg: string } {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
    kid: string;
    alg: string;
  };
}

async function jwks(realm: string): Promise<(JsonWebKey & { kid: string; use?: string })[]> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/certs`);
  return ((await response.json()) as { keys: (JsonWebKey & { kid: string })[] }).keys;
}

/** Verifies the token's RS256 signature with the key its kid names in the realm's JWKS, as a resource server would. */
async function verifiesAgainstJwks(realm: string, token: string): Promise<boolean> {
  const [header, payload, signature] = token.split('.');
  const key = (await jwks(realm)).find((candidate) => candidate.kid === jwtHeader(token).kid);
  if (!key || !header || !payload || !signature) return false;
  return verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
}

/** The kids GET /keys lists for the key provider with this name. */
async function kidsOfKey(realm: string, name: string): Promise<string[]> {
  const admin = await adminClient();
  const components = await admin.components.find({ realm, type: 'org.keycloak.keys.KeyProvider' });
  const id = components.find((component) => component.name === name)?.id;
  return ((await admin.realms.getKeys({ realm })).keys ?? [])
    .filter((key) => key.providerId === id)
    .map((key) => key.kid ?? '');
}

/** Checks the token against the JWKS every 100 ms until stopped; records every failed check. */
function watchVerification(realm: string, token: string): { stop(): Promise<{ checks: number; failures: string[] }> } {
  // A property, not a local: the loop below is an IIFE, where TypeScript would take `running` as always true.
  const state = { running: true };
  let checks = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (state.running) {
      try {
        if (!(await verifiesAgainstJwks(realm, token))) failures.push(new Date().toISOString());
      } catch (error) {
        failures.push(`${new Date().toISOString()} ${String(error)}`);
      }
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      state.running = false;
      await loop;
      return { checks, failures };
    },
  };
}
