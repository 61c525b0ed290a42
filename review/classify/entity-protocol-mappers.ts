/**
 * Protocol mappers (on a client or a client scope), matched by name. What matters is which user
 * data ends up in tokens: a mapper that copies a user attribute the user may set themselves
 * (the realm lets users edit unmanaged attributes and the profile does not declare it) hands a
 * relying party a claim the user chose — weakens; any other mapper change is neutral.
 */
import type { ProtocolMapperSettings, RealmSettings } from '../../model/realm-settings.ts';
import type { Verdict } from '../change.ts';
import { ignored, mapOf, neutral, neutralVerdict, scalar, weakens, type DiffTable } from './differ.ts';
import { entities } from './entities.ts';
import { anyChange } from './entity-part.ts';

/** Mapper types that copy a user attribute, with the config key naming it. */
const USER_ATTRIBUTE_MAPPERS: Readonly<Record<string, string>> = {
  'oidc-usermodel-attribute-mapper': 'user.attribute',
  'saml-user-attribute-mapper': 'user.attribute',
};

/** The user attribute a mapper exports, when it is of a type that exports one. */
function exportedAttribute(mapper: ProtocolMapperSettings): string | undefined {
  const key = USER_ATTRIBUTE_MAPPERS[mapper.type];
  return key === undefined ? undefined : mapper.config[key];
}

/** True when users may set `attribute` themselves in this realm (unmanaged attributes ENABLED, not declared). */
export function userEditable(attribute: string, realm: RealmSettings): boolean {
  const profile = realm.userProfile;
  return profile?.unmanagedAttributePolicy === 'ENABLED' && !profile.attributes.includes(attribute);
}

function exportVerdict(attribute: string | undefined, realm: RealmSettings, what: string): Verdict {
  if (attribute !== undefined && userEditable(attribute, realm))
    return weakens(
      `tokens now carry '${attribute}', an attribute users may set themselves (unmanaged attributes ENABLED)`,
    );
  return neutralVerdict(what);
}

const MAPPER_TABLE: DiffTable<ProtocolMapperSettings> = {
  name: ignored,
  protocol: neutral('mapper protocol changed'),
  type: neutral('mapper type changed: review what it puts into tokens'),
  config: mapOf((key) =>
    key === 'user.attribute'
      ? scalar<string>((_before, after, context) =>
          exportVerdict(after, context.after, 'mapper exports another attribute'),
        )
      : anyChange('mapper setting changed'),
  ),
};

export const PROTOCOL_MAPPERS = entities<ProtocolMapperSettings>({
  key: (mapper) => mapper.name,
  fields: MAPPER_TABLE,
  added: (mapper, context) => exportVerdict(exportedAttribute(mapper), context.after, 'mapper added'),
  removed: () => neutralVerdict('mapper removed: tokens carry less'),
  summary: (mapper) => `${mapper.type}${exportedAttribute(mapper) ? ` (${exportedAttribute(mapper)})` : ''}`,
});
