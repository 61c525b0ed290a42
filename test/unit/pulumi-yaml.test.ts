/**
 * Every Pulumi project and policy-pack file in the repository is valid YAML: `pulumi stack init`
 * refuses a file that is not (a `description:` with ": " in it once broke the suite).
 */
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const files = globSync(['Pulumi*.yaml', 'test/pulumi/programs/*/Pulumi*.yaml', 'examples/**/Pulumi*.yaml']);

describe('Pulumi YAML files', () => {
  it('finds the project files', () => {
    expect(files).toContain('Pulumi.yaml');
    expect(files).toContain('test/pulumi/programs/small-realm/Pulumi.yaml');
  });

  it.each(files)('%s parses as YAML', (file) => {
    const document = YAML.parseDocument(readFileSync(file, 'utf8'));
    expect(document.errors.map((error) => error.message)).toEqual([]);
  });
});
