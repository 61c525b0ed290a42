/**
 * A throw-away copy of the realmguard Pulumi project for the `pulumi` suite: the real
 * Pulumi.yaml, index.ts, components and model (symlinked, so what runs is the code under test),
 * a baseline of the test's own with a unique realm name, and a stack of its own in the suite's
 * file backend.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import YAML from 'yaml';
import { scaffoldRealmguardProject } from '../../../scripts/lib/pulumi-project.ts';
import { loadBaseline } from '../../../model/index.ts';
import type { LoadedRealm } from '../../../model/realm-settings.ts';
import { uniqueRealmName } from '../../support/keycloak.ts';
import { pulumi, type PulumiResult } from '../../support/pulumi.ts';

export interface RealmguardProject {
  dir: string;
  stack: string;
  realm: string;
  /** The baseline file the stack applies (in the project directory). */
  baselineFile: string;
  /** Runs `pulumi ARGS --stack <stack>` in the project. */
  run(args: string[]): Promise<PulumiResult>;
  /** Rewrites the baseline (the realm name stays the project's). */
  writeBaseline(yaml: string): void;
  /** The baseline as the model loads it. */
  load(): Promise<LoadedRealm>;
  up(): Promise<PulumiResult>;
  /** `pulumi preview --expect-no-changes`: exit 0 only when nothing would change. */
  previewNoChanges(): Promise<PulumiResult>;
  destroy(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/** A project applying `baselineYaml` (a baseline text; its `realm:` is replaced by a unique name). */
export async function realmguardProject(prefix: string, baselineYaml: string): Promise<RealmguardProject> {
  const dir = scaffoldRealmguardProject(prefix);
  const realm = uniqueRealmName(prefix);
  const stack = realm;
  const baselineFile = join(dir, 'baseline.yaml');
  const project: RealmguardProject = {
    dir,
    stack,
    realm,
    baselineFile,
    run: (args) => pulumi(dir, [...args, '--stack', stack]),
    writeBaseline(yaml) {
      const document = YAML.parseDocument(yaml);
      document.set('realm', realm);
      writeFileSync(baselineFile, document.toString());
    },
    load: () => loadBaseline(baselineFile),
    up: () => project.run(['up', '--yes', '--skip-preview']),
    previewNoChanges: () => project.run(['preview', '--expect-no-changes', '--diff']),
    async destroy() {
      const destroyed = await project.run(['destroy', '--yes', '--skip-preview']);
      expect(destroyed.code, destroyed.stdout + destroyed.stderr).toBe(0);
      await project.run(['stack', 'rm', '--yes']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  project.writeBaseline(baselineYaml);
  const init = await pulumi(dir, ['stack', 'init', stack]);
  expect(init.code, init.stdout + init.stderr).toBe(0);
  const set = await project.run(['config', 'set', '--path', 'realmguard:baselines[0]', baselineFile]);
  expect(set.code, set.stderr).toBe(0);
  return project;
}

/** A public browser client for the suite's small baselines (YAML, under `clients:`). */
export const PUBLIC_APP_CLIENT = `  - clientId: app
    type: public
    flows: { standard: true }
    redirectUris: [https://app.example.com/callback]
    webOrigins: [https://app.example.com]
`;

/** An example baseline from baselines/ as text. */
export function exampleBaseline(file: string): string {
  return readFileSync(join(ROOT, 'baselines', file), 'utf8');
}

/** Pulumi printed our one-line message and no JavaScript stack trace. */
export function expectCleanFailure(result: PulumiResult, message: RegExp): void {
  const output = result.stdout + result.stderr;
  expect(result.code, output).not.toBe(0);
  expect(output).toMatch(message);
  expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
}

/**
 * Keycloak 26 introspects an access token only for a client in its audience: puts the client
 * into its own tokens' audience (a protocol mapper the Pulumi resources do not manage, so it
 * causes no drift).
 */
export async function addSelfAudience(realm: string, clientId: string): Promise<void> {
  const { adminClient } = await import('../../support/keycloak.ts');
  const admin = await adminClient();
  const [client] = await admin.clients.find({ realm, clientId });
  expect(client?.id, `client ${clientId}`).toBeTruthy();
  await admin.clients.addProtocolMapper(
    { realm, id: client?.id ?? '' },
    {
      name: `audience-${clientId}`,
      protocol: 'openid-connect',
      protocolMapper: 'oidc-audience-mapper',
      config: {
        'included.client.audience': clientId,
        'access.token.claim': 'true',
        'introspection.token.claim': 'true',
      },
    },
  );
}
