/**
 * Loads realms from a file of any supported kind: a baseline YAML (one realm), or a Keycloak
 * realm export in JSON or YAML (one realm object or a list of them — `kc.sh export`, the admin
 * console's partial export, keycloak-config-cli files). Every problem is an InputError (one)
 * or InputErrors (all the problems found in the file).
 */
import type { LoadedRealm } from './realm-settings.ts';
import { InputError } from './errors.ts';

export async function loadRealmFile(path: string): Promise<LoadedRealm[]> {
  throw new InputError('not implemented yet', { file: path });
}

export function loadRealmText(text: string, file: string): LoadedRealm[] {
  void text;
  throw new InputError('not implemented yet', { file });
}
