/**
 * The Pulumi program's logic, kept out of index.ts so it can be tested with mocks: read the
 * stack's baseline list, load and validate every baseline before creating anything, and build
 * one HardenedRealmFromBaseline per baseline. A user error becomes a pulumi.RunError, which
 * `pulumi preview` prints as the loader's one-line message, without a stack trace.
 */
import * as pulumi from '@pulumi/pulumi';
import { isAbsolute, resolve } from 'node:path';
import { InputError, InputErrors, inputProblemsOf, throwIfAny } from '../model/errors.ts';
import { serverUrlProblem } from '../model/loopback.ts';
import type { LoadedRealm } from '../model/realm-settings.ts';
import { HardenedRealmFromBaseline } from './hardened-realm-from-baseline.ts';

/** The stack configuration the program reads (namespace `realmguard`). */
export interface ProgramConfig {
  /** Baseline files to apply, relative to the project directory. */
  baselines: string[];
  /** Client secrets by realm and clientId, e.g. from `pulumi config set --secret --path 'realmguard:clientSecrets.shop.orders'`. */
  clientSecrets: Record<string, Record<string, string>>;
  /** Allow a plain-http Keycloak URL that is not loopback (never in production). */
  allowInsecureHttp: boolean;
}

export type BaselineLoader = (path: string) => Promise<LoadedRealm>;

export interface ProgramOutputs {
  realms: Record<
    string,
    { realmId: pulumi.Output<string>; clients: Record<string, pulumi.Output<string>>; keysLeftToKeycloak: string[] }
  >;
}

/** Runs the program: every failure a user can cause comes out as a RunError with one clear message. */
export async function runProgram(load: BaselineLoader, projectDir: string = process.cwd()): Promise<ProgramOutputs> {
  try {
    const config = readProgramConfig();
    checkKeycloakUrl(keycloakUrl(), config.allowInsecureHttp);
    const baselines = await loadAll(config.baselines, load, projectDir);
    const realms: ProgramOutputs['realms'] = {};
    for (const baseline of baselines) {
      const realm = baseline.settings.realm;
      const secrets = Object.fromEntries(
        Object.entries(config.clientSecrets[realm] ?? {}).map(([clientId, value]) => [clientId, pulumi.secret(value)]),
      );
      const built = new HardenedRealmFromBaseline(realm, { baseline, clientSecrets: secrets });
      realms[realm] = {
        realmId: built.realmId,
        clients: Object.fromEntries(Object.entries(built.clients).map(([clientId, client]) => [clientId, client.id])),
        keysLeftToKeycloak: built.keysLeftToKeycloak,
      };
    }
    return { realms };
  } catch (error) {
    throw asRunError(error);
  }
}

/** InputError(s) → RunError with the loader's message(s); anything else unchanged. */
export function asRunError(error: unknown): unknown {
  if (error instanceof InputError) return new pulumi.RunError(error.format());
  if (error instanceof InputErrors) return new pulumi.RunError(error.errors.map((item) => item.format()).join('\n'));
  return error;
}

/** Reads `realmguard:*` stack config. Throws InputError naming the key and the command that fixes it. */
export function readProgramConfig(): ProgramConfig {
  const config = new pulumi.Config('realmguard');
  const baselines = parseJson(config.get('baselines'), 'realmguard:baselines');
  if (
    !Array.isArray(baselines) ||
    baselines.length === 0 ||
    !baselines.every((item): item is string => typeof item === 'string' && item !== '')
  ) {
    throw new InputError(
      'the stack names no baselines to apply',
      { keyPath: 'realmguard:baselines' },
      `set a list of baseline files: pulumi config set --path 'realmguard:baselines[0]' baselines/hardened.yaml`,
    );
  }
  // Read the raw value so the secret never passes through a plain Output; each value is wrapped with pulumi.secret.
  const secrets = parseJson(pulumi.runtime.getConfig('realmguard:clientSecrets'), 'realmguard:clientSecrets') ?? {};
  if (!isSecretsMap(secrets)) {
    throw new InputError(
      'realmguard:clientSecrets must map realm → clientId → secret',
      { keyPath: 'realmguard:clientSecrets' },
      `pulumi config set --secret --path 'realmguard:clientSecrets.<realm>.<clientId>' <secret>`,
    );
  }
  return { baselines, clientSecrets: secrets, allowInsecureHttp: config.getBoolean('allowInsecureHttp') ?? false };
}

/** Loads every baseline before anything is created; all problems of all files are reported together. */
export async function loadAll(paths: string[], load: BaselineLoader, projectDir: string): Promise<LoadedRealm[]> {
  const errors: InputError[] = [];
  const loaded: LoadedRealm[] = [];
  for (const path of paths) {
    try {
      loaded.push(await load(isAbsolute(path) ? path : resolve(projectDir, path)));
    } catch (error) {
      errors.push(...inputProblemsOf(error));
    }
  }
  const seen = new Map<string, string>();
  for (const baseline of loaded) {
    const other = seen.get(baseline.settings.realm);
    if (other !== undefined) {
      errors.push(
        new InputError(
          `realm '${baseline.settings.realm}' is declared by two baselines (${other} and ${baseline.source.origin})`,
          { file: baseline.source.origin },
          'apply each realm from one baseline',
        ),
      );
    }
    seen.set(baseline.settings.realm, baseline.source.origin);
  }
  throwIfAny(errors);
  return loaded;
}

/** The Keycloak URL the provider will use: its own config, else the environment. */
export function keycloakUrl(): string | undefined {
  return new pulumi.Config('keycloak').get('url') ?? process.env.KEYCLOAK_URL;
}

/** Plain http is for loopback only, unless explicitly allowed: credentials and tokens cross it. */
export function checkKeycloakUrl(url: string | undefined, allowInsecureHttp: boolean): void {
  if (url === undefined) {
    throw new InputError(
      'no Keycloak URL is configured',
      { keyPath: 'keycloak:url' },
      'pulumi config set keycloak:url https://keycloak.example.com (or set KEYCLOAK_URL)',
    );
  }
  const problem = serverUrlProblem(url, allowInsecureHttp);
  switch (problem?.kind) {
    case 'not-a-url':
      throw new InputError(
        `the Keycloak URL '${url}' is not a URL`,
        { keyPath: 'keycloak:url' },
        'pulumi config set keycloak:url https://keycloak.example.com',
      );
    case 'scheme':
      throw new InputError(
        `the Keycloak URL '${url}' has the scheme '${problem.scheme}'`,
        { keyPath: 'keycloak:url' },
        'use https://',
      );
    case 'plain-http':
      throw new InputError(
        `the Keycloak URL '${url}' is plain http to a non-loopback host: admin credentials would cross the network in clear`,
        { keyPath: 'keycloak:url' },
        'use https, or (for a lab only) pulumi config set realmguard:allowInsecureHttp true',
      );
  }
}

function parseJson(text: string | undefined, key: string): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(`${key} is not valid JSON`, { keyPath: key }, 'set it with pulumi config set --path');
  }
}

function isSecretsMap(value: unknown): value is Record<string, Record<string, string>> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (clients: unknown) =>
        typeof clients === 'object' &&
        clients !== null &&
        !Array.isArray(clients) &&
        Object.values(clients).every((secret) => typeof secret === 'string'),
    )
  );
}
