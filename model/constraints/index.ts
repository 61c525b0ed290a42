/**
 * Keycloak's own constraints on a realm, checked before anything reaches the server: what
 * Keycloak 26.7 refuses with a 4xx/5xx when the realm, a client, a key provider or the client
 * policies are written through the admin REST API (or imported). One module per entity, each
 * citing the Keycloak class it mirrors; docs/validate.md lists them. The loaders call
 * checkBaselineConstraints / checkExportConstraints, so `validate`, `check` and the Pulumi program
 * (which loads baselines through loadBaseline) all refuse such a realm with exit 2 / a RunError.
 *
 * Live realms are not checked: they are what Keycloak already holds.
 */
import { throwIfAny } from '../errors.ts';
import type { BaselineDocument } from '../baseline/schema.ts';
import { KEY_PROVIDER_COMPONENT_TYPE, type RealmRepresentation } from '../export/schema.ts';
import type { KeyProviderSettings, LoadedRealm, RealmSettings } from '../realm-settings.ts';
import type { DocPath } from '../source/doc-positions.ts';
import type { ParsedText } from '../source/parse-text.ts';
import { clientPolicyViolations } from './client-policies.ts';
import { clientViolations } from './clients.ts';
import { keyViolations, type KeyConfigView } from './keys.ts';
import { baselineLocator, exportLocator, keyConfigKey, toInputError, type Locator } from './locate.ts';
import { passwordPolicyViolations } from './password-policy.ts';
import { realmViolations } from './realm.ts';
import type { ConstraintViolation } from './violation.ts';

export type { ConstraintSubject, ConstraintViolation } from './violation.ts';

/** Every constraint the realm breaks; `keys` is the key provider config as Keycloak would receive it. */
export function keycloakConstraintViolations(
  settings: RealmSettings,
  keys: readonly KeyConfigView[],
): ConstraintViolation[] {
  return [
    ...realmViolations(settings),
    ...passwordPolicyViolations(settings.passwordPolicy),
    ...clientViolations(settings),
    ...keys.flatMap(keyViolations),
    ...clientPolicyViolations(settings),
  ];
}

/** A model key provider as the config the components send. */
export function keyViewOfSettings(key: KeyProviderSettings): KeyConfigView {
  const { name, providerId, priority, enabled, active, keySize, secretSize, ellipticCurve } = key;
  return {
    name,
    providerId,
    priority,
    enabled,
    active,
    ...(keySize !== undefined ? { keySize } : {}),
    ...(secretSize !== undefined ? { secretSize } : {}),
    ...(ellipticCurve !== undefined ? { ellipticCurve } : {}),
  };
}

function report(violations: ConstraintViolation[], parsed: ParsedText, locate: Locator): void {
  throwIfAny(
    violations.map((violation) => toInputError(violation, parsed, locate(violation.subject))),
    { asList: true },
  );
}

/** Throws InputErrors naming every constraint a loaded baseline breaks, at its line in the file. */
export function checkBaselineConstraints(loaded: LoadedRealm, document: BaselineDocument, parsed: ParsedText): void {
  const { settings } = loaded;
  report(
    keycloakConstraintViolations(settings, settings.keyProviders.map(keyViewOfSettings)),
    parsed,
    baselineLocator(document),
  );
}

/** The same for one realm of a realm export; key providers are checked on their raw config text. */
export function checkExportConstraints(
  loaded: LoadedRealm,
  rep: RealmRepresentation,
  parsed: ParsedText,
  base: DocPath,
): void {
  const keys = (rep.components?.[KEY_PROVIDER_COMPONENT_TYPE] ?? []).map((component): KeyConfigView => {
    const first = (key: string): string | undefined => component.config?.[key]?.[0];
    const view: KeyConfigView = { name: component.name, providerId: component.providerId };
    for (const field of ['priority', 'enabled', 'active', 'keySize', 'secretSize', 'ellipticCurve'] as const) {
      const value = first(keyConfigKey(component.providerId, field));
      if (value !== undefined) view[field] = value;
    }
    return view;
  });
  report(keycloakConstraintViolations(loaded.settings, keys), parsed, exportLocator(rep, base));
}
