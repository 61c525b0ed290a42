/**
 * Which resource declares a nested part of the model: a group's role mapping is declared by the
 * GroupRoles resource, not by the group; a client's default scopes by ClientDefaultScopes, not by
 * the client. A finding names the resource recorded for the longest prefix of its path.
 */
import type { FieldPath } from '../../model/realm-settings.ts';

const SEPARATOR = '\u0000';

export class PathOwners {
  private readonly owners = new Map<string, string>();

  set(path: FieldPath, urn: string): void {
    this.owners.set(path.join(SEPARATOR), urn);
  }

  ownerOf(path: FieldPath): string | undefined {
    for (let length = path.length; length > 0; length--) {
      const urn = this.owners.get(path.slice(0, length).join(SEPARATOR));
      if (urn !== undefined) return urn;
    }
    return undefined;
  }
}
