/**
 * Where a constraint violation sits in the file it came from: a document path in the file's own
 * shape (a baseline's `clients[0].lifespans.clientSessionIdle`, an export's
 * `clients[0].attributes["client.session.idle.timeout"]`), and from it the line and column.
 */
import { InputError } from '../errors.ts';
import { CLIENT_ATTRIBUTE_OPTIONS, REALM_FIELD_MAPPINGS } from '../baseline/fields.ts';
import type { BaselineDocument } from '../baseline/schema.ts';
import { KEY_PROVIDER_COMPONENT_TYPE, type RealmRepresentation } from '../export/schema.ts';
import { formatDocPath, type DocPath } from '../source/doc-positions.ts';
import type { ParsedText } from '../source/parse-text.ts';
import type { ConstraintSubject, ConstraintViolation, KeyField } from './violation.ts';

export type Locator = (subject: ConstraintSubject) => DocPath;

export function toInputError(violation: ConstraintViolation, parsed: ParsedText, docPath: DocPath): InputError {
  const position = parsed.positions.nearest(docPath);
  return new InputError(
    violation.message,
    { file: parsed.file, ...(position ?? {}), keyPath: formatDocPath(docPath) },
    violation.hint,
  );
}

/** Baseline keys: realm fields through REALM_FIELD_MAPPINGS, client attributes through their typed options (CLIENT_ATTRIBUTE_OPTIONS). */
export function baselineLocator(document: BaselineDocument): Locator {
  const clientIndex = (clientId: string): number =>
    (document.clients ?? []).findIndex((client) => client.clientId === clientId);
  return (subject) => {
    switch (subject.kind) {
      case 'realm':
        if (subject.field === 'realm') return ['realm'];
        if (subject.field === 'passwordPolicy') return ['security', 'passwordPolicy'];
        return REALM_FIELD_MAPPINGS.find((mapping) => mapping.field === subject.field)?.docPath ?? [];
      case 'realm-header':
        return ['security', 'browserSecurityHeaders', subject.header];
      case 'password-policy':
        return ['security', 'passwordPolicy', subject.index];
      case 'client': {
        const base = ['clients', clientIndex(subject.clientId)];
        return subject.item === undefined ? [...base, subject.field] : [...base, subject.field, subject.item];
      }
      case 'client-attribute': {
        const base = ['clients', clientIndex(subject.clientId)];
        const option = CLIENT_ATTRIBUTE_OPTIONS[subject.attribute];
        if (option) return [...base, ...option, ...(subject.item === undefined ? [] : [subject.item])];
        return [...base, 'attributes', subject.attribute];
      }
      case 'key': {
        const index = (document.keys?.providers ?? []).findIndex((key) => key.name === subject.name);
        if (index === -1) return document.keys ? ['keys'] : ['realm']; // a key the profile filled in
        const field = subject.field === 'enabled' || subject.field === 'active' ? 'state' : subject.field;
        return ['keys', 'providers', index, field];
      }
      case 'client-policy':
        return ['clientPolicies', subject.index, subject.field, ...(subject.item === undefined ? [] : [subject.item])];
      case 'client-profile':
        return ['clientPolicies'];
    }
  };
}

/** The component config key behind a key field, per provider type. */
export function keyConfigKey(providerId: string, field: KeyField): string {
  if (field !== 'ellipticCurve') return field;
  if (providerId === 'ecdh-generated') return 'ecdhEllipticCurveKey';
  if (providerId === 'eddsa-generated') return 'eddsaEllipticCurveKey';
  return 'ecdsaEllipticCurveKey';
}

/** Realm-export keys: RealmRepresentation field names, below `base` (the realm's place in a list). */
export function exportLocator(rep: RealmRepresentation, base: DocPath): Locator {
  const components = rep.components?.[KEY_PROVIDER_COMPONENT_TYPE] ?? [];
  return (subject) => {
    const path = ((): DocPath => {
      switch (subject.kind) {
        case 'realm':
          return [subject.field];
        case 'realm-header':
          return ['browserSecurityHeaders', subject.header];
        case 'password-policy':
          return ['passwordPolicy'];
        case 'client': {
          const index = (rep.clients ?? []).findIndex((client) => client.clientId === subject.clientId);
          return ['clients', index, subject.field, ...(subject.item === undefined ? [] : [subject.item])];
        }
        case 'client-attribute': {
          const index = (rep.clients ?? []).findIndex((client) => client.clientId === subject.clientId);
          return ['clients', index, 'attributes', subject.attribute];
        }
        case 'key': {
          const index = components.findIndex((component) => component.name === subject.name);
          const providerId = components[index]?.providerId ?? '';
          return ['components', KEY_PROVIDER_COMPONENT_TYPE, index, 'config', keyConfigKey(providerId, subject.field)];
        }
        case 'client-policy':
          return [
            'clientPolicies',
            'policies',
            subject.index,
            subject.field,
            ...(subject.item === undefined ? [] : [subject.item]),
          ];
        case 'client-profile':
          return ['clientProfiles', 'profiles', subject.index, 'name'];
      }
    })();
    return [...base, ...path];
  };
}
