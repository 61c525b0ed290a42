/**
 * The pack module itself: started the way the Pulumi CLI starts it (a Node process in the pack
 * directory, which prints its gRPC port), then asked over the analyzer protocol what it holds
 * and to analyze a resource — the same calls `pulumi preview --policy-pack` makes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../../../policies/rules/index.ts';
import { UNKNOWN } from './pack-args.ts';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
const analyzerRpc = require('@pulumi/pulumi/proto/analyzer_grpc_pb.js') as {
  AnalyzerClient: new (address: string, credentials: unknown) => AnalyzerClient;
};
const analyzerProto = require('@pulumi/pulumi/proto/analyzer_pb.js') as Record<string, new () => ProtoMessage>;
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js') as { Empty: new () => unknown };
const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js') as {
  Struct: { fromJavaScript(value: object): unknown };
};

type Callback<T> = (error: Error | null, value: T) => void;
interface ProtoMessage {
  [setter: string]: (value: unknown) => ProtoMessage;
}
interface PolicyInfo {
  getName(): string;
  getEnforcementlevel(): number;
}
interface Diagnostic {
  getPolicyname(): string;
  getMessage(): string;
  getEnforcementlevel(): number;
}
interface AnalyzerClient {
  getAnalyzerInfo(request: unknown, callback: Callback<{ getName(): string; getPoliciesList(): PolicyInfo[] }>): void;
  analyze(request: unknown, callback: Callback<{ getDiagnosticsList(): Diagnostic[] }>): void;
  close(): void;
}

/** analyzer.proto: ADVISORY = 0, MANDATORY = 1. */
const MANDATORY = 1;
const ADVISORY = 0;

let pack: ChildProcess;
let client: AnalyzerClient;

beforeAll(async () => {
  // The source of the pack, served from the project root (whose package.json gives the version the
  // SDK reads from the working directory); the compiled pack in dist/policy-pack is what the real
  // CLI runs in the pulumi suite.
  pack = spawn(process.execPath, ['--import', 'tsx', 'policies/index.ts'], {
    cwd: resolve('.'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  pack.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((done, fail) => {
    pack.stdout!.once('data', (chunk: Buffer) => done(chunk.toString().trim()));
    pack.once('exit', (code) => fail(new Error(`the pack exited (${code}) before serving: ${stderr}`)));
  });
  expect(port).toMatch(/^\d+$/);
  client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
  (client as AnalyzerClient | undefined)?.close(); // unset when beforeAll failed before it
  (pack as ChildProcess | undefined)?.kill();
});

function call<T>(method: (request: unknown, callback: Callback<T>) => void, request: unknown): Promise<T> {
  return new Promise((done, fail) => {
    method(request, (error, value) => (error ? fail(error) : done(value)));
  });
}

function analyzeRequest(type: string, name: string, props: object): unknown {
  const request = new analyzerProto.AnalyzeRequest!();
  request.setType!(type);
  request.setName!(name);
  request.setUrn!(`urn:pulumi:dev::realms::${type}::${name}`);
  request.setProperties!(Struct.fromJavaScript(props));
  request.setOptions!(new analyzerProto.AnalyzerResourceOptions!());
  return request;
}

describe('policies/index.ts served as a policy pack', () => {
  it('serves one policy per rule, critical/high mandatory and the rest advisory', async () => {
    const info = await call(client.getAnalyzerInfo.bind(client), new Empty());
    expect(info.getName()).toBe('realmguard');
    const levels = new Map(info.getPoliciesList().map((policy) => [policy.getName(), policy.getEnforcementlevel()]));
    expect([...levels.keys()].sort()).toEqual(allRules.map((rule) => rule.id).sort());
    for (const rule of allRules) {
      expect(levels.get(rule.id), rule.id).toBe(
        rule.severity === 'critical' || rule.severity === 'high' ? MANDATORY : ADVISORY,
      );
    }
  });

  it('analyzes an insecure realm: mandatory and advisory violations', async () => {
    const response = await call(
      client.analyze.bind(client),
      analyzeRequest('keycloak:index/realm:Realm', 'acme', {
        realm: 'acme',
        sslRequired: 'none',
        revokeRefreshToken: false,
        accessCodeLifespan: '10m0s',
      }),
    );
    const diagnostics = response
      .getDiagnosticsList()
      .map((diagnostic) => [diagnostic.getPolicyname(), diagnostic.getEnforcementlevel()]);
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        ['ssl-required', MANDATORY],
        ['refresh-token-rotation', MANDATORY],
        ['access-code-lifespan', ADVISORY],
      ]),
    );
  });

  it('analyzes a realm whose values are unknown during preview without an error or a violation for them', async () => {
    const response = await call(
      client.analyze.bind(client),
      analyzeRequest('keycloak:index/realm:Realm', 'acme', {
        realm: UNKNOWN,
        sslRequired: UNKNOWN,
        revokeRefreshToken: UNKNOWN,
      }),
    );
    const policies = response.getDiagnosticsList().map((diagnostic) => diagnostic.getPolicyname());
    expect(policies).not.toContain('ssl-required');
    expect(policies).not.toContain('refresh-token-rotation');
    // No "can't run policy during preview" diagnostics either: unknowns are handled, not thrown.
    expect(
      response
        .getDiagnosticsList()
        .map((diagnostic) => diagnostic.getMessage())
        .join('\n'),
    ).not.toMatch(/can't run policy/);
  });
});

describe('the built pack, dist/policy-pack (npm run build; the suite builds it first)', () => {
  /**
   * Starts it as the language host does (required from its folder) and, once it prints its port,
   * lists the modules the process loaded from @pulumi/pulumi.
   */
  function loadedPulumiModules(): Promise<string[]> {
    const script = [
      'const write = process.stdout.write.bind(process.stdout);',
      'process.stdout.write = (chunk, ...rest) => {',
      '  if (!/^\\d+\\s*$/.test(String(chunk))) return write(chunk, ...rest);',
      "  const loaded = Object.keys(require.cache).filter((file) => file.includes('/@pulumi/pulumi/'));",
      "  write(JSON.stringify(loaded) + '\\n', () => process.exit(0));",
      '  return true;',
      '};',
      "require('./index.js');",
    ].join('\n');
    const child = spawn(process.execPath, ['-e', script], {
      cwd: resolve('dist/policy-pack'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((done, fail) => {
      child.once('exit', (code) =>
        code === 0 ? done(JSON.parse(stdout) as string[]) : fail(new Error(`exit ${code}: ${stderr}`)),
      );
    });
  }

  it("serves without loading @pulumi/pulumi's index: the SDK gets the asset and output modules it uses", async () => {
    const loaded = (await loadedPulumiModules()).map((file) => file.replace(/.*\/@pulumi\/pulumi\//, ''));
    expect(loaded).toContain('asset/index.js');
    expect(loaded).toContain('output.js');
    // The package's index loads its automation API and npm's libraries: most of the SDK's start.
    expect(loaded).not.toContain('index.js');
    expect(loaded.filter((file) => file.startsWith('automation/'))).toEqual([]);
  });
});
