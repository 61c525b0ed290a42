/**
 * npm run build — compiles the library, the CLI and the policy pack to JavaScript in dist/, and
 * lays out dist/policy-pack/ as a policy pack of its own (PulumiPolicy.yaml, package.json,
 * index.js), which is what `pulumi preview --policy-pack dist/policy-pack` loads: the language
 * host cannot run the TypeScript pack (it places nodeargs after the script, and @pulumi/pulumi's
 * run-policy-pack always registers ts-node — upstream pulumi/pulumi#4830).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const pack = join(dist, 'policy-pack');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });

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
// Its dependencies (@pulumi/policy, @pulumi/pulumi) resolve from the package's node_modules above.
writeFileSync(
  join(pack, 'package.json'),
  `${JSON.stringify({ name: 'realmguard-policy-pack', version, private: true, type: 'module', main: 'index.js' }, null, 2)}\n`,
);
writeFileSync(join(pack, 'index.js'), "// The realmguard CrossGuard pack, compiled: see policies/index.ts.\nimport '../policies/index.js';\n");
process.stdout.write(`realmguard: built dist/ and the policy pack in ${pack}\n`);
