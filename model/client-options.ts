/**
 * From a typed client option to the Keycloak client attribute it owns, for a baseline client
 * (model/baseline/to-settings.ts) and HardenedClient (components/hardened-client.ts) alike: the
 * attribute table (model/fields/client-attributes.ts) says which option, which profile value
 * fills it when left out, and how the value becomes Keycloak's string.
 */
import { ATTRIBUTE_LIST_SEPARATOR, type ClientAttributeRow } from './fields/client-attributes.ts';
import type { ClientProfileValues } from './profiles.ts';

/** What fills an option the client leaves out. */
export interface OptionFill {
  profile: ClientProfileValues;
  publicClient: boolean;
}

/**
 * The attribute value an option writes: its own value, else the profile's. Undefined: the
 * attribute stays unset (nothing fills the option, or its value is the row's `off`). `seconds`
 * turns a duration option into seconds (and reports a bad one where the caller wants it).
 */
export function attributeFromOption(
  row: ClientAttributeRow,
  option: unknown,
  fill: OptionFill,
  seconds: (duration: string | number) => number,
): string | undefined {
  const value = option ?? profileValue(row, fill);
  if (value === undefined || value === row.off) return undefined;
  switch (row.kind) {
    case 'seconds':
      return String(seconds(value as string | number));
    case 'uri-list':
      return (value as readonly string[]).join(ATTRIBUTE_LIST_SEPARATOR);
    case 'boolean':
    case 'text':
      // The schema (baseline) and the option types (component) let nothing else through.
      return typeof value === 'boolean' || typeof value === 'string' ? String(value) : undefined;
  }
}

function profileValue(row: ClientAttributeRow, fill: OptionFill): unknown {
  if (!row.profile) return undefined;
  if (row.profile.publicOnly && !fill.publicClient) return row.keycloakDefault;
  return fill.profile[row.profile.value];
}

/** The two binding attributes one `tokenBinding` option sets (their rows say so). */
export function tokenBindingAttributes(binding: ClientProfileValues['tokenBinding']): Record<string, string> {
  return {
    'dpop.bound.access.tokens': String(binding === 'dpop'),
    'tls.client.certificate.bound.access.tokens': String(binding === 'mtls'),
  };
}
