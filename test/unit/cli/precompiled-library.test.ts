/**
 * Start-up (issue 13): the library's entry points (dist/, as the package ships them) validate with
 * the validators `npm run build` precompiled, like the command does: no ajv module is loaded (the
 * build's file is self-contained), where the sources would compile with ajv. Each entry point runs in a
 * child process that loads a bad baseline, an export and a policy config, then lists the ajv
 * modules it loaded.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnNode } from '../../support/realmguard-process.ts';

const dist = (path: string) => fileURLToPath(new URL(`../../../dist/${path}`, import.meta.url));
const stockRealm = fileURLToPath(new URL('../../fixtures/exports/stock-realm.json', import.meta.url));

/** The script a child runs: the loaders from `imports`, then every ajv module in require's cache. */
function probe(imports: Record<string, string>): string {
  return [
    `import { createRequire } from 'node:module';`,
    ...Object.entries(imports).map(([entry, names]) => `import { ${names} } from ${JSON.stringify(dist(entry))};`),
    `const out = [];`,
    `try { loadBaselineText('realm: shop\\ntokens:\\n  accessTokenLifespn: 5m\\n', 'bad.yaml'); } catch (error) { out.push(error.message); }`,
    `out.push(String((await loadRealmFile(${JSON.stringify(stockRealm)})).length));`,
    `try { parsePolicyConfig('rules:\\n  acess-token-lifespan: mandatory\\n', 'config.yaml'); } catch (error) { out.push(error.message); }`,
    `const ajv = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/ajv/'));`,
    `console.log(JSON.stringify({ out, ajv }));`,
  ].join('\n');
}

describe('the compiled library validates with the precompiled validators', () => {
  it.each([
    ['realmguard', { 'library.js': 'loadBaselineText, loadRealmFile, parsePolicyConfig' }],
    [
      'realmguard/model and realmguard/rules',
      { 'model/index.js': 'loadBaselineText, loadRealmFile', 'rules.js': 'parsePolicyConfig' },
    ],
  ])('%s', async (_name, imports) => {
    const run = await spawnNode(['--input-type=module', '-e', probe(imports)], { env: process.env });
    expect(run.stderr).toBe('');
    const { out, ajv } = JSON.parse(run.stdout) as { out: string[]; ajv: string[] };
    expect(out).toEqual([
      "bad.yaml:3:3: tokens.accessTokenLifespn: unknown key 'accessTokenLifespn' — did you mean 'accessTokenLifespan'?",
      '1',
      "unknown rule 'acess-token-lifespan'",
    ]);
    // The sources would load ajv's compiler here; the build's file carries the few runtime helpers it calls.
    expect(ajv).toEqual([]);
  });
});
