/**
 * Pulumi mocks for component unit tests: every resource registration is recorded (type, name,
 * inputs, options that matter here) so tests can look children up by type and name.
 */
import * as pulumi from '@pulumi/pulumi';

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  custom: boolean;
}

export const registered: Registered[] = [];

/** Installs the mocks (call once per file, before constructing components). */
export async function installMocks(): Promise<void> {
  await pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        registered.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
          custom: args.custom ?? false,
        });
        const inputs = args.inputs as Record<string, unknown>;
        // A realm's id is its name; other resources get a made-up UUID-like id.
        const id = args.type === 'keycloak:index/realm:Realm' ? String(inputs.realm) : `${args.name}-id`;
        const state =
          args.type === 'keycloak:openid/client:Client' && inputs.clientSecret === undefined
            ? { ...inputs, clientSecret: 'generated-by-keycloak' }
            : inputs;
        return { id, state };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        return args.inputs as Record<string, unknown>;
      },
    },
    'realmguard',
    'unit',
    true,
  );
}

/** The value inside an Output. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Whether an Output is marked secret. */
export function isSecretOutput(output: pulumi.Output<unknown>): Promise<boolean> {
  return pulumi.isSecret(output);
}

/** Waits until the mock monitor has seen every registration (they are asynchronous). */
export async function settle(): Promise<void> {
  let last = -1;
  let stable = 0;
  while (stable < 10) {
    await new Promise((resolve) => setImmediate(resolve));
    if (registered.length === last) stable += 1;
    else {
      stable = 0;
      last = registered.length;
    }
  }
}

/** The one registration of this type and name; fails the test clearly when absent or repeated. */
export function child(type: string, name: string): Registered {
  const matches = registered.filter((item) => item.type === type && item.name === name);
  if (matches.length !== 1) {
    const seen = registered.map((item) => `${item.type} ${item.name}`).join('\n  ');
    throw new Error(`expected one ${type} named ${name}, found ${matches.length}; registered:\n  ${seen}`);
  }
  return matches[0] as Registered;
}

export function ofType(type: string): Registered[] {
  return registered.filter((item) => item.type === type);
}

/** Resource types as the SDK registers them. */
export const TYPES = {
  realm: 'keycloak:index/realm:Realm',
  events: 'keycloak:index/realmEvents:RealmEvents',
  client: 'keycloak:openid/client:Client',
  rsa: 'keycloak:index/realmKeystoreRsaGenerated:RealmKeystoreRsaGenerated',
  ecdsa: 'keycloak:index/realmKeystoreEcdsaGenerated:RealmKeystoreEcdsaGenerated',
  hmac: 'keycloak:index/realmKeystoreHmacGenerated:RealmKeystoreHmacGenerated',
  aes: 'keycloak:index/realmKeystoreAesGenerated:RealmKeystoreAesGenerated',
  mapper: 'keycloak:openid/userAttributeProtocolMapper:UserAttributeProtocolMapper',
  scope: 'keycloak:openid/clientScope:ClientScope',
  clientPolicy: 'keycloak:index/realmClientPolicyProfilePolicy:RealmClientPolicyProfilePolicy',
} as const;
