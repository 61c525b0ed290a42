/**
 * The arrows stay one way: `cli → (incident | policies | components | keycloak) → model`.
 * The Keycloak connection layer (keycloak/) imports model/ and nothing else of ours; nothing under
 * cli/ reaches into the incident actions' old request core (incident/http); nothing imports cli/;
 * the command line has one home (cli/): incident/cli is gone and nothing imports it.
 * The import lines are read with a regular expression, not a parser: static `import … from`,
 * `export … from`, bare `import '…'` and `import('…')`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Source folders of ours (what tsconfig.build.json compiles). */
const SOURCE_FOLDERS = ['model', 'components', 'policies', 'incident', 'keycloak', 'review', 'cli', 'watch'] as const;

const IMPORT_PATTERNS = [
  // import x from '…', import { a,\n b } from '…', import type …, export { … } from '…', export * from '…'
  /^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  // import '…' (for its effects)
  /^[ \t]*import\s*['"]([^'"]+)['"]/gm,
  // import('…')
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every module specifier a source text imports or re-exports. */
function specifiersOf(text: string): string[] {
  return IMPORT_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] as string));
}

/** The repository path (with '/') a relative specifier in `file` points to; undefined for a package. */
function target(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(root, resolve(dirname(join(root, file)), specifier))
    .split(sep)
    .join('/');
}

function sourceFiles(folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:c|m)?tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => `${folder}/${name.split(sep).join('/')}`);
}

/** Each (file, imported repository path) of the files under `folder`. */
function importsOf(folder: string): Array<{ file: string; target: string }> {
  return sourceFiles(folder).flatMap((file) =>
    specifiersOf(readFileSync(join(root, file), 'utf8')).flatMap((specifier) => {
      const path = target(file, specifier);
      return path === undefined ? [] : [{ file, target: path }];
    }),
  );
}

const under = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

describe('layout', () => {
  it('reads import lines of every shape', () => {
    const text = [
      "import { a } from '../a.ts';",
      "import type { B } from './b.ts';",
      'import {',
      '  c,',
      '  d,',
      "} from '../../c.ts';",
      "export { e } from './e.ts';",
      "export * from './f.ts';",
      "import './g.ts';",
      "const h = await import('./h.ts');",
      "import x from 'node:fs';",
      "// a line that says 'from' in passing: nothing to take",
    ].join('\n');
    expect(specifiersOf(text).sort()).toEqual(
      ['../../c.ts', '../a.ts', './b.ts', './e.ts', './f.ts', './g.ts', './h.ts', 'node:fs'].sort(),
    );
  });

  it('keeps the Keycloak connection layer in keycloak/, and incident/http gone', () => {
    expect(existsSync(join(root, 'keycloak/core.ts'))).toBe(true);
    expect(existsSync(join(root, 'incident/http'))).toBe(false);
  });

  it('has cli/ import nothing from incident/http', () => {
    const cli = importsOf('cli');
    expect(cli.length).toBeGreaterThan(0);
    // cli/commands/audit.ts reaches the connection directly: the check sees real imports.
    expect(cli.some(({ file, target }) => file === 'cli/commands/audit.ts' && under(target, 'keycloak'))).toBe(true);
    expect(cli.filter(({ target }) => under(target, 'incident/http'))).toEqual([]);
  });

  it('has keycloak/ import only model/ (and itself) of ours — not incident/, cli/, policies/ or components/', () => {
    const keycloak = importsOf('keycloak');
    expect(keycloak.some(({ target }) => under(target, 'model'))).toBe(true);
    expect(keycloak.filter(({ target }) => !under(target, 'keycloak') && !under(target, 'model'))).toEqual([]);
  });

  it('keeps the command line in cli/: incident/cli gone, nothing importing it', () => {
    expect(existsSync(join(root, 'incident/cli'))).toBe(false);
    expect(existsSync(join(root, 'cli/incident/setup.ts'))).toBe(true);
    const everything = SOURCE_FOLDERS.flatMap(importsOf);
    expect(everything.filter(({ target }) => under(target, 'incident/cli'))).toEqual([]);
  });

  it('has nothing outside cli/ import cli/', () => {
    const outside = SOURCE_FOLDERS.filter((folder) => folder !== 'cli').flatMap(importsOf);
    expect(outside.filter(({ target }) => under(target, 'cli'))).toEqual([]);
  });
});
