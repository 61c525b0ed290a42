/**
 * The baseline edits that keep the next `pulumi up` from undoing an incident response: without
 * them, the declared state would bring back a compromised key or re-enable a disabled client.
 * The snippets use the model's field names (model/realm-settings.ts), which baselines share.
 */
import { stringify } from 'yaml';

export interface KeyEdit {
  /** The rotated provider's name, and its new state. */
  old: { name: string; state: 'passive' | 'retired'; kid?: string };
  /** The provider that now signs. */
  created: { name: string; providerId: string; priority: number; algorithm?: string; keySize?: number; ellipticCurve?: string; secretSize?: number };
  compromised: boolean;
}

function banner(realm: string, why: string): string {
  return `# realm ${realm}: ${why}\n`;
}

export function keyRotationEdit(realm: string, edit: KeyEdit, today = new Date()): string {
  const oldEntry: Record<string, unknown> = { name: edit.old.name, state: edit.old.state };
  if (edit.old.state === 'passive') oldEntry.passiveSince = today.toISOString().slice(0, 10);
  const created = Object.fromEntries(Object.entries({ ...edit.created, enabled: true, active: true, state: 'active' }).filter(([, value]) => value !== undefined));
  const document: Record<string, unknown> = { keyProviders: [oldEntry, created] };
  if (edit.compromised) document.compromisedKeys = [edit.old.name, ...(edit.old.kid ? [edit.old.kid] : [])];
  const why = edit.compromised
    ? 'the compromised key is gone; keep it out (retired, listed as compromised) and declare the new one'
    : 'the old key is passive now; declare that and the new key, and remove the old one once its tokens have expired';
  return banner(realm, why) + stringify(document);
}

export function disabledClientEdit(realm: string, clientId: string): string {
  return banner(realm, `keep client ${clientId} disabled`) + stringify({ clients: [{ clientId, enabled: false }] });
}
