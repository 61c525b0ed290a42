/**
 * Property: making inputs unknown never creates a violation. Take a stack, replace any set of
 * its input values (top-level or nested) with the preview's unknown marker, and every violation
 * the pack still reports must be one it reports with all values known — and a hardened stack
 * stays clean whatever is unknown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPolicies } from '../../../../policies/pack/policies.ts';
import { allRules } from '../../../../policies/rules/index.ts';
import { hardenedRealm, NOW } from '../../../support/fixtures.ts';
import { runPack, UNKNOWN, type Resource } from './pack-args.ts';
import { stackOf } from './stacks.ts';

const policies = buildPolicies(allRules, () => NOW);

/** Every path to a value in a resource's inputs (objects and arrays descended, leaves and branches). */
function paths(value: unknown, prefix: (string | number)[] = []): Array<(string | number)[]> {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...paths(item, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  }
  return [];
}

function withUnknown(resources: Resource[], picks: Array<[number, number]>): Resource[] {
  const copy = structuredClone(resources);
  for (const [resourceIndex, pathIndex] of picks) {
    const resource = copy[resourceIndex % copy.length]!;
    const all = paths(resource.props);
    if (all.length === 0) continue;
    const path = all[pathIndex % all.length]!;
    let parent: unknown = resource.props;
    for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[segment];
    if (typeof parent === 'object' && parent !== null)
      (parent as Record<string | number, unknown>)[path.at(-1)!] = UNKNOWN;
  }
  return copy;
}

function insecureStack(): Resource[] {
  const settings = hardenedRealm();
  settings.sslRequired = 'none';
  settings.revokeRefreshToken = false;
  settings.accessTokenLifespan = 3600;
  settings.eventsEnabled = false;
  settings.bruteForceProtected = false;
  settings.passwordPolicy = 'length(6)';
  const webApp = settings.clients.find((client) => client.clientId === 'web-app')!;
  webApp.implicitFlowEnabled = true;
  webApp.redirectUris = ['*', 'http://app.example.com/cb'];
  delete webApp.attributes['dpop.bound.access.tokens'];
  webApp.attributes['access.token.lifespan'] = '7200';
  const portal = settings.clients.find((client) => client.clientId === 'portal')!;
  portal.directAccessGrantsEnabled = true;
  portal.attributes['pkce.code.challenge.method'] = 'plain';
  settings.keyProviders.find((key) => key.name === 'rsa-ps256')!.keySize = 1024;
  return stackOf(settings);
}

const picks = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });
const key = (violation: { policy: string; urn?: string; message: string }) =>
  `${violation.policy} ${violation.urn} ${violation.message}`;

describe('unknown values in the policy pack', () => {
  it('never make a hardened stack fail', async () => {
    const stack = stackOf(hardenedRealm());
    await fc.assert(
      fc.asyncProperty(picks, async (chosen) => {
        expect(await runPack(policies, withUnknown(stack, chosen))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('only ever remove violations from an insecure stack, never add one', async () => {
    const stack = insecureStack();
    const known = new Set((await runPack(policies, stack)).map(key));
    expect(known.size).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(picks, async (chosen) => {
        const reported = (await runPack(policies, withUnknown(stack, chosen))).map(key);
        for (const violation of reported) expect(known, violation).toContain(violation);
      }),
      { numRuns: 100 },
    );
  });
});
