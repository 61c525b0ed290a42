#!/usr/bin/env node
// The realmguard command. The sources are TypeScript; tsx loads them in place, so a clone works
// after `npm install` without a build step.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`realmguard: Node.js 20 or later is required (this is ${process.version}).\n`);
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
