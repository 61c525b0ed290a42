/**
 * A throw-away copy of the realmguard Pulumi project: the real Pulumi.yaml, index.ts and
 * package files, with model/, components/ and node_modules/ symlinked so what runs is the code of
 * this checkout. Used by the `pulumi` test suite and the bench.
 */
import { copyFileSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** Creates the copy in a new temporary directory and returns it. */
export function scaffoldRealmguardProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `realmguard-${prefix}-`));
  for (const file of ['Pulumi.yaml', 'index.ts', 'package.json', 'tsconfig.json'])
    copyFileSync(join(root, file), join(dir, file));
  for (const folder of ['model', 'components', 'node_modules']) symlinkSync(join(root, folder), join(dir, folder));
  return dir;
}
