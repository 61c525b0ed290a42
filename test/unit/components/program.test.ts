import * as pulumi from '@pulumi/pulumi';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkKeycloakUrl, loadAll, readProgramConfig, runProgram } from '../../../components/program.ts';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { keyProfileValues, realmProfileValues } from '../../../model/profiles.ts';
import type { LoadedRealm } from '../../../model/realm-settings.ts';
import { clientSettings, loaded } from '../../support/fixtures.ts';
import { installMocks, ofType, registered, settle, TYPES } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
  pulumi.runtime.setAllConfig({ 'keycloak:url': 'http://127.0.0.1:8080' });
});
afterEach(() => {
  pulumi.runtime.setAllConfig({});
});

/** A baseline-profile realm with one service-account client, as loaded from `file`. */
function loadedBaseline(realm: string, file = `baselines/${realm}.yaml`): LoadedRealm {
  const orders = clientSettings({
    clientId: 'orders',
    standardFlowEnabled: false,
    serviceAccountsEnabled: true,
    clientAuthenticatorType: 'client-secret',
    defaultClientScopes: [],
    optionalClientScopes: [],
  });
  return loaded(
    {
      ...realmProfileValues('baseline'),
      realm,
      keyProviders: keyProfileValues('baseline').defaultProviders,
      compromisedKeys: [],
      clients: [orders],
      clientPolicies: [],
      clientProfiles: [],
    },
    { origin: file, profile: 'baseline' },
  );
}

/** A loader that knows a few files; others fail as the real loader does. */
const fakeLoader = async (path: string): Promise<LoadedRealm> => {
  const name = path.split('/').at(-1)?.replace('.yaml', '') ?? '';
  if (name.startsWith('bad'))
    throw new InputError(
      "unknown key 'tokns'",
      { file: path, line: 3, column: 1, keyPath: 'tokns' },
      "did you mean 'tokens'?",
    );
  return loadedBaseline(name, path);
};

describe('the program', () => {
  it('applies every baseline the stack names, one component tree per realm', async () => {
    pulumi.runtime.setAllConfig({
      'keycloak:url': 'http://127.0.0.1:8080',
      'realmguard:baselines': JSON.stringify(['baselines/shop.yaml', 'baselines/bank.yaml']),
    });
    const outputs = await runProgram(fakeLoader, '/project');
    await settle();
    expect(Object.keys(outputs.realms)).toEqual(['shop', 'bank']);
    expect(ofType(TYPES.realm).map((item) => item.inputs.realm)).toEqual(['shop', 'bank']);
    expect(ofType('realmguard:index:HardenedRealmFromBaseline').map((item) => item.name)).toEqual(['shop', 'bank']);
  });

  it('passes client secrets from secret config to the client, as secrets', async () => {
    pulumi.runtime.setAllConfig(
      {
        'keycloak:url': 'https://kc.example.com',
        'realmguard:baselines': JSON.stringify(['baselines/shop.yaml']),
        'realmguard:clientSecrets': JSON.stringify({ shop: { orders: 'from-config-secret' } }),
      },
      ['realmguard:clientSecrets'],
    );
    await runProgram(fakeLoader, '/project');
    await settle();
    const client = registered.find((item) => item.type === TYPES.client);
    expect(client?.inputs.clientSecret).toMatchObject({ value: 'from-config-secret' });
  });

  it('a bad baseline fails with a RunError carrying the loader message (no stack), and creates nothing', async () => {
    pulumi.runtime.setAllConfig({
      'keycloak:url': 'http://127.0.0.1:8080',
      'realmguard:baselines': JSON.stringify(['baselines/shop.yaml', 'baselines/bad.yaml']),
    });
    const failure = await runProgram(fakeLoader, '/project').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(pulumi.RunError);
    expect((failure as Error).message).toBe(
      "/project/baselines/bad.yaml:3:1: tokns: unknown key 'tokns' — did you mean 'tokens'?",
    );
    await settle();
    expect(registered.filter((item) => item.custom)).toEqual([]);
  });

  it('reports the problems of every file together', async () => {
    const failure = await loadAll(['bad-one.yaml', 'bad-two.yaml'], fakeLoader, '/p').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InputErrors);
    expect((failure as InputErrors).errors.map((error) => error.location.file)).toEqual([
      '/p/bad-one.yaml',
      '/p/bad-two.yaml',
    ]);
  });

  it('refuses two baselines for the same realm', async () => {
    const failure = await loadAll(['a/shop.yaml', 'b/shop.yaml'], fakeLoader, '/p').catch((error: unknown) => error);
    expect((failure as InputError).message).toMatch(/realm 'shop' is declared by two baselines/);
  });

  it('a stack without baselines fails with the command that fixes it', () => {
    expect(() => readProgramConfig()).toThrow(InputError);
    try {
      readProgramConfig();
    } catch (error) {
      expect((error as InputError).format()).toMatch(
        /realmguard:baselines: the stack names no baselines to apply — set a list of baseline files: pulumi config set --path/,
      );
    }
  });
});

describe('checkKeycloakUrl', () => {
  it.each(['http://127.0.0.1:8080', 'http://localhost:8080', 'https://kc.example.com', 'http://[::1]:8080'])(
    'accepts %s',
    (url) => {
      expect(() => checkKeycloakUrl(url, false)).not.toThrow();
    },
  );

  it('refuses plain http to another host unless allowed', () => {
    expect(() => checkKeycloakUrl('http://kc.example.com', false)).toThrow(/plain http to a non-loopback host/);
    expect(() => checkKeycloakUrl('http://kc.example.com', true)).not.toThrow();
  });

  it('does not take a host name that merely starts with 127. for loopback', () => {
    expect(() => checkKeycloakUrl('http://127.attacker.example', false)).toThrow(/plain http to a non-loopback host/);
  });

  it('refuses a missing or malformed URL', () => {
    expect(() => checkKeycloakUrl(undefined, false)).toThrow(/no Keycloak URL is configured/);
    expect(() => checkKeycloakUrl('not a url', false)).toThrow(/is not a URL/);
    expect(() => checkKeycloakUrl('ftp://kc.example.com', false)).toThrow(
      "the Keycloak URL 'ftp://kc.example.com' has the scheme 'ftp:'",
    );
  });
});
