/**
 * The suites spawn bin/realmguard.js, which runs the compiled command in dist/: build it first,
 * once, and only when the sources changed since the last build (scripts/build.ts --if-stale), so
 * a fresh clone's `npm test` works and the tests always run the code as it is now.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-stale'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
