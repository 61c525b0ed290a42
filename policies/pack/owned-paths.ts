/**
 * Which resource declares a thing deeper in the realm than a whole entity: a flow, a mapper of an
 * identity provider, the user profile, a flow binding. The most specific declared prefix of a
 * finding's path names the resource a violation is reported on.
 */
import { pathKey, type FieldPath } from '../../model/realm-settings.ts';

export class OwnedPaths {
  private readonly owners = new Map<string, string>();

  set(path: FieldPath, urn: string): void {
    this.owners.set(pathKey(path), urn);
  }

  /** The URN declaring the longest prefix of `path`, if any resource declares one. */
  ownerOf(path: FieldPath): string | undefined {
    for (let length = path.length; length > 0; length--) {
      const urn = this.owners.get(pathKey(path.slice(0, length)));
      if (urn !== undefined) return urn;
    }
    return undefined;
  }
}
