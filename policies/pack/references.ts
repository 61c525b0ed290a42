/**
 * References between the resources of one stack. The provider takes ids (a role's, a group's, a
 * client's, a service account user's), which are unknown until apply and, once known, say
 * nothing about what they name. The engine tells a policy which resources each input was
 * computed from (PolicyResource.propertyDependencies): that is how the pack finds the declaring
 * resource. An input computed from no resource of the expected type (a data source such as
 * getRole — invokes are not resources — or a literal id) resolves to nothing, and nothing is
 * judged through it: the rule does not guess.
 */
import type { PolicyResource } from '@pulumi/policy';
import type { PackResource } from './assemble.ts';

/** Property → URNs of the resources it was computed from, as PackResource carries them. */
export function propertyDependencyUrns(
  resource: Pick<PolicyResource, 'propertyDependencies'>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(resource.propertyDependencies).map(([property, sources]) => [
      property,
      sources.map((source) => source.urn),
    ]),
  );
}

export class StackReferences {
  private readonly byUrn: ReadonlyMap<string, PackResource>;

  constructor(resources: readonly PackResource[]) {
    this.byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  }

  /** The resources of `types` (in this realm's group) that `property` of `resource` was computed from, each once. */
  all(resource: PackResource, property: string, types: readonly string[]): PackResource[] {
    const urns = new Set(resource.propertyDependencies?.[property] ?? []);
    return [...urns].flatMap((urn) => {
      const source = this.byUrn.get(urn);
      return source && types.includes(source.type) ? [source] : [];
    });
  }

  /**
   * Whether the input is given at all. An id unknown during preview is replaced by stand-ins,
   * absence among them; the dependency still shows that the program set it. The engine shows an
   * input the program left out as null before apply and as '' after.
   */
  given(resource: PackResource, property: string): boolean {
    const value = resource.props[property];
    const set = value !== undefined && value !== null && value !== '';
    return set || (resource.propertyDependencies?.[property]?.length ?? 0) > 0;
  }

  /** The one such resource; undefined when there is none, or several (which one the id names is not known). */
  one(resource: PackResource, property: string, types: readonly string[]): PackResource | undefined {
    const found = this.all(resource, property, types);
    return found.length === 1 ? found[0] : undefined;
  }
}
