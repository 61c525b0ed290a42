// ESLint: typescript-eslint's strict, type-checked rules over every TypeScript file the project
// compiles. The few adjustments below each say why; everything else is the preset as published.
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.pulumi-test/', 'test/pulumi/programs/*/node_modules/'] },
  // A disable comment that no longer disables anything fails the run, so none outlives its reason.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The JavaScript files (this config, the bin launcher, a bench floor) are outside tsconfig.json,
        // which compiles TypeScript only; the project service checks them as a default project.
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'bin/realmguard.js', 'bench/peer/streaming-parse-floor.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers in messages ("line 3", "300 s") are meant; the rule's other guards (objects,
      // nullish, any) stay on.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Callbacks are written as arrow shorthand throughout (`() => expect(...).toThrow()`,
      // `(error) => reject(error)`): braces there add lines, not meaning. A void value returned
      // from a block body or used in an expression is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `const { secret: _omitted, ...rest } = value` is how the code drops a key without mutating
      // the value; the named-and-dropped key is the point, not a leftover.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js'],
    // tsc does not compile these, so no-undef stays on for them and needs the Node globals they use.
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // In a test, `found!.field` on a missing value fails the test with a TypeError at that
      // line, which is the assertion; the guard would only repeat it.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A fake stands in for an async function: `async` turns its throw into a rejection, as the
      // real one's, though nothing inside needs awaiting.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
