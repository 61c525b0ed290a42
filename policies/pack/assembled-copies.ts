/**
 * The realms a group of resources is judged as: one per copy of its inputs with unknowns replaced
 * (unknowns.ts), assembled once and shared by every policy that judges the same group.
 *
 * Why: the engine asks each policy on its own, so one Client is judged by every client policy in
 * turn, each with the same inputs; assembling its realm (Keycloak's defaults, built-in flows and
 * keys, up to 27 copies when an input is unknown) for each policy was most of the pack's time in a
 * preview (profiled on 10 realms × 20 clients). The rules only read the settings they are given.
 */
import { assembleRealm, identityStandIns, type AssembledRealm, type PackResource } from './assemble.ts';
import { instantiations } from './unknowns.ts';

/**
 * Enough for every group of one stack analysis (a realm per policy's resource types) and for the
 * resource the engine is asking about; the oldest entry goes first.
 */
const CAPACITY = 256;

const cache = new Map<string, AssembledRealm[]>();

/** The assembled copies of `group` (its inputs as the engine sent them, unknowns included). */
export function assembledCopies(group: readonly PackResource[], compromisedKeys: readonly string[]): AssembledRealm[] {
  // The raw inputs hold only JSON values and the engine's unknown sentinel, so the text is the content.
  const key = JSON.stringify([
    compromisedKeys,
    group.map(({ type, urn, name, props, propertyDependencies }) => [type, urn, name, props, propertyDependencies]),
  ]);
  const cached = cache.get(key);
  if (cached) return cached;
  const assembled = instantiateGroup(group).map((copy) => assembleRealm(copy, compromisedKeys));
  if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value as string);
  cache.set(key, assembled);
  return assembled;
}

/** Copies of a group with unknowns replaced, the same stand-in index across all its resources. */
function instantiateGroup(group: readonly PackResource[]): PackResource[][] {
  const perResource = group.map((resource) => ({
    resource,
    copies: instantiations(resource.props, identityStandIns(resource)),
  }));
  const count = Math.max(...perResource.map(({ copies }) => copies.length));
  return Array.from({ length: count }, (_, index) =>
    perResource.map(({ resource, copies }) => ({
      ...resource,
      props: copies[Math.min(index, copies.length - 1)] ?? resource.props,
    })),
  );
}
