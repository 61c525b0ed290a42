/**
 * The two seed claims, on tokens from a realm the components applied with the real CLI:
 * - a DPoP-bound client's access token is refused without its proof and accepted with one
 *   (holder-of-key: a stolen token alone is useless);
 * - after `realmguard incident bump-token-version`, a token issued before the bump fails the
 *   exported backend verifier (`isTokenVersionCurrent`), and a token issued after passes.
 */
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentVersionFromAttribute, isTokenVersionCurrent } from '../../components/token-version-check.ts';
import { UnmanagedAttributePolicy } from '@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js';
import { adminClient, keycloak } from '../support/keycloak.ts';
import { realmguardProject } from './support/realmguard-project.ts';
import { realmguardCli } from './support/realmguard-cli.ts';

const SECRET = 'seed-claims-client-secret-0123456789';

const BASELINE = `realm: placeholder
profile: baseline
tokenVersionClaim: {}
clients:
  - clientId: bound-api
    type: confidential
    authenticator: client-secret
    flows: { standard: false, serviceAccounts: true }
    tokenBinding: dpop
  - clientId: app
    type: confidential
    authenticator: client-secret
    flows: { standard: false, directAccessGrants: true }
`;

function tokenEndpoint(realm: string): string {
  return `${keycloak().url}/realms/${realm}/protocol/openid-connect/token`;
}

function userinfoEndpoint(realm: string): string {
  return `${keycloak().url}/realms/${realm}/protocol/openid-connect/userinfo`;
}

/** A DPoP proof (RFC 9449 §4.2) for one request, signed with the client's ES256 key. */
function dpopProof(
  key: { privateKey: KeyObject; publicKey: KeyObject },
  method: string,
  url: string,
  accessToken?: string,
): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicKey.export({ format: 'jwk' }) });
  const payload = encode({
    jti: randomUUID(),
    htm: method,
    htu: url,
    iat: Math.floor(Date.now() / 1000),
    ...(accessToken ? { ath: createHash('sha256').update(accessToken).digest('base64url') } : {}),
  });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function passwordToken(realm: string): Promise<string> {
  const response = await fetch(tokenEndpoint(realm), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'app',
      client_secret: SECRET,
      username: 'alice',
      password: 'alice-Passw0rd-long',
      scope: 'openid',
    }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  expect(response.status, body.error_description).toBe(200);
  return body.access_token ?? '';
}

describe('seed claims on a realm applied by pulumi up', () => {
  it('a DPoP-bound token needs its proof; a token issued before bump-token-version fails the backend check', async () => {
    const project = await realmguardProject('seed-claims', BASELINE);
    const realm = project.realm;
    try {
      for (const clientId of ['bound-api', 'app']) {
        const set = await project.run([
          'config',
          'set',
          '--secret',
          '--path',
          `realmguard:clientSecrets.${realm}.${clientId}`,
          SECRET,
        ]);
        expect(set.code, set.stderr).toBe(0);
      }
      const up = await project.up();
      expect(up.code, up.stdout + up.stderr).toBe(0);
      // Set with `pulumi config set --secret`: in no output, not in the state in plaintext, yet it authenticates below.
      expect((up.stdout + up.stderr).includes(SECRET)).toBe(false);
      expect((await project.run(['stack', 'export'])).stdout.includes(SECRET)).toBe(false);

      // --- DPoP: holder-of-key ---
      const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const tokenResponse = await fetch(tokenEndpoint(realm), {
        method: 'POST',
        headers: { DPoP: dpopProof(key, 'POST', tokenEndpoint(realm)) },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'bound-api',
          client_secret: SECRET,
          scope: 'openid',
        }),
      });
      const issued = (await tokenResponse.json()) as {
        access_token?: string;
        token_type?: string;
        error_description?: string;
      };
      expect(tokenResponse.status, issued.error_description).toBe(200);
      expect(issued.token_type).toBe('DPoP');
      const bound = issued.access_token ?? '';
      expect(
        (claimsOf(bound).cnf as { jkt?: string } | undefined)?.jkt,
        'the token is bound to the key (cnf.jkt)',
      ).toBeTruthy();

      const withoutProof = await fetch(userinfoEndpoint(realm), { headers: { authorization: `DPoP ${bound}` } });
      expect(withoutProof.status, 'userinfo with the bound token and no proof').toBe(401);
      const asBearer = await fetch(userinfoEndpoint(realm), { headers: { authorization: `Bearer ${bound}` } });
      expect(asBearer.status, 'userinfo with the bound token as a bearer token').toBe(401);
      const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const wrongKey = await fetch(userinfoEndpoint(realm), {
        headers: { authorization: `DPoP ${bound}`, DPoP: dpopProof(otherKey, 'GET', userinfoEndpoint(realm), bound) },
      });
      expect(wrongKey.status, 'userinfo with a proof from another key').toBe(401);
      const withProof = await fetch(userinfoEndpoint(realm), {
        headers: { authorization: `DPoP ${bound}`, DPoP: dpopProof(key, 'GET', userinfoEndpoint(realm), bound) },
      });
      expect(withProof.status, 'userinfo with the bound token and its proof').toBe(200);

      // --- token version ---
      // Keycloak 26 stores only the user attributes its user profile allows; the components add the
      // claim, not the declaration (README: limits). The operator's step: admins may edit unmanaged attributes.
      const admin = await adminClient();
      const profile = await admin.users.getProfile({ realm });
      await admin.users.updateProfile({
        ...profile,
        realm,
        unmanagedAttributePolicy: UnmanagedAttributePolicy.AdminEdit,
      });
      const created = await admin.users.create({
        realm,
        username: 'alice',
        enabled: true,
        email: 'alice@example.test',
        emailVerified: true,
        firstName: 'Alice',
        lastName: 'Test',
        credentials: [{ type: 'password', value: 'alice-Passw0rd-long', temporary: false }],
      });
      const before = await passwordToken(realm);
      const journal = join(mkdtempSync(join(tmpdir(), 'realmguard-journal-')), 'journal.jsonl');
      const bump = await realmguardCli([
        'incident',
        'bump-token-version',
        '--realm',
        realm,
        '--user',
        'alice',
        '--journal',
        journal,
      ]);
      expect(bump.code, bump.stdout + bump.stderr).toBe(0);
      const user = await admin.users.findOne({ realm, id: created.id });
      const current = currentVersionFromAttribute(user?.attributes?.token_version as string[] | undefined);
      expect(current, 'the bumped version stored on the user').toBeGreaterThan(0);
      const after = await passwordToken(realm);

      expect(isTokenVersionCurrent(claimsOf(before), current), 'the token issued before the bump').toBe(false);
      expect(isTokenVersionCurrent(claimsOf(after), current), 'the token issued after the bump').toBe(true);
      expect(claimsOf(after).token_version).toBeDefined();
    } finally {
      await project.destroy();
    }
  });
});
