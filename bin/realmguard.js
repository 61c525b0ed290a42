#!/usr/bin/env node
// The realmguard command: runs the compiled CLI, bundled into dist/realmguard.mjs by
// scripts/build.ts (shipped in the npm package; a clone builds it with `npm run build`).
// No TypeScript at run time.
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';

// The supported Node.js is one fact, package.json's engines.node (">=MAJOR.MINOR"); this only reads it.
// JSON.parse's `any` is held as `unknown`, then cast: typescript-eslint reads the call inside a
// parenthesised JSDoc cast, not the cast, so a cast straight on JSON.parse stays `any` to it.
/** @type {unknown} */
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const { engines } = /** @type {{ engines: { node: string } }} */ (packageJson);
const [needMajor, needMinor] = /^>=(\d+)\.(\d+)/.exec(engines.node).slice(1).map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  process.stderr.write(
    `realmguard: Node.js ${needMajor}.${needMinor} or later is required (this is ${process.version}).\n`,
  );
  process.exit(2);
}

const entry = new URL('../dist/realmguard.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'realmguard: the compiled command (dist/) is missing. In a clone of the repository, run `npm run build` first.\n',
  );
  process.exit(2);
}
// Node's on-disk cache of compiled code: later starts skip parsing and compiling the JavaScript again.
// Typed as optional: a runtime that reports a Node version need not have all of Node's module API.
/** @type {{ enableCompileCache?: () => unknown }} */
const nodeModule = module;
nodeModule.enableCompileCache?.();
/** @type {unknown} */
const compiled = await import(entry.href);
const { main } = /** @type {{ main: (argv: string[]) => Promise<number> }} */ (compiled);
process.exitCode = await main(process.argv);
