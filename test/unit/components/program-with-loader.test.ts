/**
 * The real program path without a server: index.ts's default export with the model's real
 * loader, under Pulumi mocks. Proves that a baseline file becomes the expected provider inputs,
 * and that a bad file fails with the loader's one-line message as a RunError.
 */
import * as pulumi from '@pulumi/pulumi';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import program from '../../../index.ts';
import { child, installMocks, ofType, registered, settle, TYPES } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

function baselineFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-program-'));
  const file = join(dir, 'baseline.yaml');
  writeFileSync(file, text);
  return file;
}

function useBaselines(...files: string[]): void {
  pulumi.runtime.setAllConfig({
    'keycloak:url': 'http://127.0.0.1:8080',
    'realmguard:baselines': JSON.stringify(files),
  });
}

describe('index.ts with the real baseline loader', () => {
  it('turns a baseline file into the provider inputs', async () => {
    useBaselines(
      baselineFile(`realm: shop
tokens:
  accessTokenLifespan: 2m
sessions:
  ssoSessionIdleTimeout: 20m
keys:
  providers:
    - { name: rsa-a, type: rsa-generated, state: passive, keySize: 2048 }
    - { name: rsa-b, type: rsa-generated, state: active, keySize: 4096 }
clients:
  - clientId: spa
    type: public
    redirectUris: [https://spa.example.com/cb]
    webOrigins: [https://spa.example.com]
    lifespans: { clientSessionIdle: 15m }
tokenVersionClaim:
  clients: [spa]
`),
    );
    const outputs = await program();
    await settle();
    expect(Object.keys(outputs.realms)).toEqual(['shop']);
    expect(child(TYPES.realm, 'shop-realm-realm').inputs).toMatchObject({
      realm: 'shop',
      accessTokenLifespan: '2m0s',
      ssoSessionIdleTimeout: '20m0s',
      revokeRefreshToken: true,
    });
    expect(child(TYPES.rsa, 'shop-keys-key-rsa-a').inputs).toMatchObject({ active: false, priority: 200 });
    expect(child(TYPES.rsa, 'shop-keys-key-rsa-b').inputs).toMatchObject({
      active: true,
      priority: 210,
      keySize: 4096,
    });
    expect(child(TYPES.client, 'shop-client-spa-client').inputs).toMatchObject({
      accessType: 'PUBLIC',
      pkceCodeChallengeMethod: 'S256',
      clientSessionIdleTimeout: '900',
    });
    expect(child(TYPES.mapper, 'shop-token-version-mapper-spa').inputs).toMatchObject({ claimName: 'token_version' });
    expect(ofType(TYPES.events)).toHaveLength(1);
  });

  it('a bad baseline: RunError with the loader message, nothing created', async () => {
    const file = baselineFile('realm: shop\ntokens:\n  accessTokenLifspan: 5m\n');
    useBaselines(file);
    const failure = await program().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(pulumi.RunError);
    expect((failure as Error).message).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: .*accessTokenLifspan`),
    );
    await settle();
    expect(registered.filter((item) => item.custom)).toEqual([]);
  });
});
