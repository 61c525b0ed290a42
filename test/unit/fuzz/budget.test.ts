/**
 * The fuzz suite's size: the CI run (fixed seed) tries at least 100,000 cases in total across
 * its properties (issue 10), each counted in BUDGET and used by exactly one property.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET } from './settings.ts';

describe('fuzz budget', () => {
  it('adds up to at least 100,000 cases in the CI run', () => {
    const total = Object.values(BUDGET).reduce((sum, count) => sum + count, 0);
    expect(total).toBeGreaterThanOrEqual(100_000);
  });

  it('every budget entry is used by exactly one property of the suite', () => {
    const sources = readdirSync('test/unit/fuzz')
      .filter((name) => name.endsWith('.fuzz.test.ts'))
      .map((name) => readFileSync(`test/unit/fuzz/${name}`, 'utf8'))
      .join('\n');
    for (const target of Object.keys(BUDGET)) expect(sources.split(`fuzz('${target}')`).length - 1, target).toBe(1);
  });
});
