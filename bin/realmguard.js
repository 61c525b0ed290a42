#!/usr/bin/env node
// The realmguard command: runs the compiled CLI, bundled into dist/realmguard.mjs by
// scripts/build.ts (shipped in the npm package; a clone builds it with `npm run build`).
// No TypeScript at run time.
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';

// The supported Node.js is one fact, package.json's engines.node (">=MAJOR.MINOR"); this only reads it.
const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [needMajor, needMinor] = /^>=(\d+)\.(\d+)/.exec(engines.node).slice(1).map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  process.stderr.write(`realmguard: Node.js ${needMajor}.${needMinor} or later is required (this is ${process.version}).\n`);
  process.exit(2);
}

const entry = new URL('../dist/realmguard.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('realmguard: the compiled command (dist/) is missing. In a clone of the repository, run `npm run build` first.\n');
  process.exit(2);
}
// Node's on-disk cache of compiled code: later starts skip parsing and compiling the JavaScript again.
module.enableCompileCache?.();
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
