/** Every way an admin event changes the kept parts; the first that recognises the event answers. */
import type { AdminPart } from '../event.ts';
import type { RealmParts } from '../realm-parts.ts';
import type { PartsApplier, PartsChange } from './change.ts';
import { clientNames, clientScopeLinks } from './clients.ts';
import { flowSteps } from './flow-steps.ts';
import { flowStructure } from './flow-structure.ts';
import { identityProviderMappers, identityProviders } from './identity-providers.ts';
import { keyProviders } from './key-providers.ts';
import { userProfile } from './user-profile.ts';

const APPLIERS: readonly PartsApplier[] = [
  flowSteps,
  flowStructure,
  identityProviders,
  identityProviderMappers,
  keyProviders,
  userProfile,
  clientScopeLinks,
  clientNames,
];

export function partsChange(admin: AdminPart, parts: RealmParts): PartsChange | undefined {
  for (const apply of APPLIERS) {
    const change = apply(admin, parts);
    if (change) return change;
  }
  return undefined;
}

export type { PartsChange } from './change.ts';
