/**
 * The baseline edits that keep the next `pulumi up` from undoing an incident response: without
 * them, the declared state would bring back a compromised key or re-enable a disabled client.
 * The snippets are in the baseline YAML format (docs/baseline-format.md): `keys.providers`,
 * `keys.compromised` and `clients`, merged into the realm's baseline entry by entry (a provider by
 * its name, a client by its clientId).
 */
import { stringify } from 'yaml';
import { KEYCLOAK_KEY_PROVIDER_TYPES } from '../model/keycloak-catalog.ts';

/** A key provider as the edit declares it (Keycloak's provider id; the edit prints it as `type`). */
export interface KeyDeclaration {
  name: string;
  providerId?: string;
  priority?: number;
  algorithm?: string;
  keySize?: number;
  ellipticCurve?: string;
  secretSize?: number;
  /** The Keycloak component id of a key the incident created: the baseline's `id` makes Pulumi adopt it. */
  id?: string;
}

export interface KeyEdit {
  /** The rotated provider, its new state and its key id; a passive one keeps its options. */
  old: KeyDeclaration & { state: 'passive' | 'retired'; kid?: string };
  /** The provider that now signs. */
  created: KeyDeclaration & { providerId: string; priority: number };
  compromised: boolean;
}

function banner(realm: string, why: string, how: string): string {
  return `# realm ${realm}: ${why}\n# ${how}\n`;
}

/** The baseline's `type` for a provider id; undefined for one the format does not name (left to its default). */
function baselineType(providerId: string | undefined): string | undefined {
  return KEYCLOAK_KEY_PROVIDER_TYPES.find((type) => type === providerId);
}

function withoutUndefined(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}

/** One `keys.providers` entry, in the baseline's key order. */
function providerEntry(
  key: KeyDeclaration,
  state: 'active' | 'passive' | 'retired',
  passiveSince?: string,
): Record<string, unknown> {
  // A retired key is removed from the realm: its name (and type) is all the baseline needs.
  if (state === 'retired') return withoutUndefined({ name: key.name, type: baselineType(key.providerId), state });
  const { name, providerId, ...options } = key;
  return withoutUndefined({ name, type: baselineType(providerId), state, ...options, passiveSince });
}

export function keyRotationEdit(realm: string, edit: KeyEdit, today = new Date()): string {
  const { state, kid, ...old } = edit.old;
  const passiveSince = state === 'passive' ? today.toISOString().slice(0, 10) : undefined;
  const keys: Record<string, unknown> = {
    providers: [providerEntry(old, state, passiveSince), providerEntry(edit.created, 'active')],
  };
  if (edit.compromised) keys.compromised = [old.name, ...(kid ? [kid] : [])];
  const why = edit.compromised
    ? 'the compromised key is gone; keep it out (retired, listed as compromised) and declare the new one'
    : 'the old key is passive now; declare that and the new key, and retire the old one once its tokens have expired';
  const how =
    `in keys.providers, replace the entry of the same name or add it${edit.compromised ? '; add the names to keys.compromised' : ''}` +
    (edit.compromised
      ? '; then `pulumi refresh` (Keycloak no longer has the compromised key) and `pulumi up`'
      : '; then `pulumi up`') +
    (edit.created.id ? ', which adopts the new key by its id instead of creating another' : '');
  return banner(realm, why, how) + stringify({ keys });
}

export function disabledClientEdit(realm: string, clientId: string): string {
  return (
    banner(
      realm,
      `keep client ${clientId} disabled`,
      'in clients, set enabled: false on the entry of this clientId (or add the entry)',
    ) + stringify({ clients: [{ clientId, enabled: false }] })
  );
}
