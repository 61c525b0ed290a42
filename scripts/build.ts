/**
 * npm run build — compiles the library, the CLI and the policy pack to JavaScript in dist/:
 *   - tsc (tsconfig.build.json) for the code and its type declarations;
 *   - ajv's standalone validators for the input schemas (dist/model/source/precompiled-validators.cjs);
 *   - the command, bundled by esbuild with code splitting: dist/realmguard.mjs (main and the
 *     program), which bin/realmguard.js runs, and one chunk per subcommand in
 *     dist/command/ (plus chunks of shared code), loaded when that subcommand runs: a few modules to
 *     read and compile instead of ~250, and only the subcommand's own; the validators (read when a
 *     schema is first checked) mean no schema is compiled at run time;
 *   - dist/policy-pack/ as a policy pack of its own (PulumiPolicy.yaml, package.json, index.js),
 *     which is what `pulumi preview --policy-pack dist/policy-pack` loads: the language host cannot
 *     run the TypeScript pack (it places nodeargs after the script, and @pulumi/pulumi's
 *     run-policy-pack always registers ts-node — upstream pulumi/pulumi#4830). index.js is one
 *     bundle of the pack and @pulumi/policy, whose `@pulumi/pulumi` is the subset it uses
 *     (policies/pack/pulumi-subset-for-policy-sdk.ts).
 *
 * `--if-stale` builds only when the sources differ from the ones dist/ was built from (a hash of
 * their contents, kept in dist/): the test suites run it once before spawning bin/realmguard.js.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build as bundle } from 'esbuild';
import { parse as parseJsonc } from 'jsonc-parser';
import { writePrecompiledValidators } from './lib/precompile-validators.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const pack = join(dist, 'policy-pack');
const stampFile = join(dist, '.sources-hash');

interface BuildConfig {
  include: string[];
}

/** Everything the build reads: the compiled folders and files, the build's own configuration and code. */
function buildInputs(): string[] {
  const { include } = parseJsonc(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as BuildConfig;
  const files = [
    'package.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'scripts/build.ts',
    'scripts/lib/precompile-validators.ts',
  ];
  for (const entry of include) {
    const path = join(root, entry);
    if (!existsSync(path)) continue;
    if (entry.endsWith('.ts')) files.push(entry);
    else
      for (const file of readdirSync(path, { recursive: true, encoding: 'utf8' }))
        if (file.endsWith('.ts')) files.push(join(entry, file));
  }
  return files.sort();
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of buildInputs())
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

export async function build(): Promise<void> {
  const hash = sourcesHash();
  rmSync(dist, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    { cwd: root, stdio: 'inherit' },
  );
  await writePrecompiledValidators(join(dist, 'model/source'));
  await bundleCommand();
  await writePolicyPack();
  writeFileSync(stampFile, `${hash}\n`);
}

/** The file bin/realmguard.js imports. */
export const COMMAND_BUNDLE = 'realmguard.mjs';

/** Where the command's chunks go: one per lazily imported subcommand, plus the code they share. */
export const COMMAND_CHUNKS = 'command';

/**
 * The command, bundled with code splitting: dist/realmguard.mjs holds main() and the program, and
 * each subcommand's `import()` in cli/commands/table.ts becomes a chunk of its own (with chunks for
 * the code several share), so `realmguard check` reads and compiles only what check needs.
 */
async function bundleCommand(): Promise<void> {
  // esbuild splits only entry points that are files: the entry is written next to what it imports, and removed after.
  const entry = join(dist, 'realmguard-entry.js');
  writeFileSync(
    entry,
    [
      "import { createRequire } from 'node:module';",
      "import { usePrecompiledValidators } from './model/source/validate-schema.js';",
      // Read at run time, when a schema is first checked (not bundled: --version, --help and incident never read it).
      'const requireBuilt = createRequire(import.meta.url);',
      "usePrecompiledValidators(() => requireBuilt('./model/source/precompiled-validators.cjs'));",
      "export { main } from './cli/main.js';",
      '',
    ].join('\n'),
  );
  try {
    await bundle({
      entryPoints: { [COMMAND_BUNDLE.replace(/\.mjs$/, '')]: entry },
      outdir: dist,
      outExtension: { '.js': '.mjs' },
      chunkNames: `${COMMAND_CHUNKS}/[name]-[hash]`,
      splitting: true,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // Prefer the ES module build of a dependency where it ships one (jsonc-parser's UMD build
      // requires its parts by computed paths a bundle cannot follow).
      mainFields: ['module', 'main'],
      // The CommonJS dependencies inside the bundle still call require (for node: modules); every
      // chunk gets its own, as a chunk may be the one that holds such a dependency.
      banner: {
        js: "import { createRequire as createRealmguardRequire } from 'node:module';\nconst require = createRealmguardRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
  } finally {
    rmSync(entry);
  }
}

async function writePolicyPack(): Promise<void> {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(pack, { recursive: true });
  writeFileSync(
    join(pack, 'PulumiPolicy.yaml'),
    [
      'description: Keycloak realm hardening — the realmguard rule catalogue as CrossGuard policies.',
      'runtime: nodejs',
      '',
    ].join('\n'),
  );
  // Its dependencies (@pulumi/pulumi, @grpc/grpc-js, …) resolve from the package's node_modules above.
  writeFileSync(
    join(pack, 'package.json'),
    `${JSON.stringify({ name: 'realmguard-policy-pack', version, private: true, type: 'module', main: 'index.js' }, null, 2)}\n`,
  );
  await bundlePolicyPack();
}

/**
 * dist/policy-pack/index.js: the pack (policies/index.ts) and @pulumi/policy in one file, so the
 * process the engine starts reads one module instead of ~200 of ours, and the SDK's
 * `require('@pulumi/pulumi')` gets the two modules it uses rather than the whole package
 * (profiled: that index was most of the pack's start). Every other package stays a dependency,
 * loaded from node_modules as the program loads it: one copy of @pulumi/pulumi's modules and
 * protobuf classes in the process.
 */
async function bundlePolicyPack(): Promise<void> {
  const subset = join(root, 'policies/pack/pulumi-subset-for-policy-sdk.ts');
  await bundle({
    entryPoints: [join(root, 'policies/index.ts')],
    outfile: join(pack, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    plugins: [
      {
        name: 'realmguard-policy-pack-dependencies',
        setup(build) {
          // Bare specifiers: packages, and node: built-ins.
          build.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path === '@pulumi/pulumi' && args.importer.includes('/@pulumi/policy/')) return { path: subset };
            if (args.path === '@pulumi/policy' || args.path.startsWith('@pulumi/policy/')) return undefined; // bundled
            return { path: args.path, external: true };
          });
        },
      },
    ],
    // @pulumi/policy is CommonJS: inside the ES module bundle it still calls require (for its
    // dependencies, and for the package.json in the working directory that gives the pack's version).
    banner: {
      js: "import { createRequire as createRealmguardRequire } from 'node:module';\nconst require = createRealmguardRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

export function isStale(): boolean {
  return !existsSync(stampFile) || readFileSync(stampFile, 'utf8').trim() !== sourcesHash();
}

if (process.argv[1] === import.meta.filename) {
  if (process.argv.includes('--if-stale') && !isStale()) {
    process.stdout.write('realmguard: dist/ is up to date with the sources\n');
  } else {
    await build();
    process.stdout.write(`realmguard: built dist/ and the policy pack in ${pack}\n`);
  }
}
