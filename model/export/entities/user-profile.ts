/**
 * The declarative user profile: the realm's `org.keycloak.userprofile.UserProfileProvider`
 * component, whose config holds the UPConfig as one JSON string under `kc.user.profile.config`
 * (its `unmanagedAttributePolicy` and `attributes[].name`).
 *
 * A Keycloak export always writes `components`; a realm that never changed its profile has no
 * such component there and runs Keycloak's default profile (the four attributes below, unmanaged
 * attributes off). A file without `components` says nothing: the part stays absent.
 */
import { Optional as Opt, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES } from '../../entities/authentication.ts';
import type { UserProfileSettings } from '../../realm-settings.ts';
import { USER_PROFILE_COMPONENT_TYPE, USER_PROFILE_CONFIG_KEY } from '../entities-schema.ts';
import type { RealmRepresentation } from '../schema.ts';
import type { EntityContext } from './mark.ts';

/** The part of UPConfig the model reads; the rest (validations, permissions, groups) stays open. */
const UserProfileConfigSchema = Type.Object({
  attributes: Opt(Type.Array(Type.Object({ name: Type.String({ minLength: 1 }) }))),
  unmanagedAttributePolicy: Opt(
    Type.Union([Type.Literal('ENABLED'), Type.Literal('ADMIN_EDIT'), Type.Literal('ADMIN_VIEW')]),
  ),
});

export function userProfileFrom(rep: RealmRepresentation, context: EntityContext): UserProfileSettings | undefined {
  if (rep.components === undefined) return undefined;
  const components = rep.components[USER_PROFILE_COMPONENT_TYPE] ?? [];
  const index = components.findIndex((component) => component.config?.[USER_PROFILE_CONFIG_KEY]?.[0] !== undefined);
  const text = components[index]?.config?.[USER_PROFILE_CONFIG_KEY]?.[0];
  if (text === undefined) return { attributes: [...KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES] };
  const docPath = ['components', USER_PROFILE_COMPONENT_TYPE, index, 'config', USER_PROFILE_CONFIG_KEY, 0];
  context.mark(['userProfile'], ['components', USER_PROFILE_COMPONENT_TYPE, index]);
  context.mark(['userProfile', 'unmanagedAttributePolicy'], docPath);
  const config = parseProfile(text);
  if (typeof config === 'string') {
    context.fail(
      docPath,
      `the user profile ${config}`,
      'export the realm again, or fix the UPConfig JSON Keycloak stores under kc.user.profile.config',
    );
    return { attributes: [...KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES] };
  }
  const profile: UserProfileSettings = { attributes: (config.attributes ?? []).map((attribute) => attribute.name) };
  if (config.unmanagedAttributePolicy !== undefined) profile.unmanagedAttributePolicy = config.unmanagedAttributePolicy;
  return profile;
}

/** The parsed UPConfig, or what is wrong with it. */
function parseProfile(text: string): (typeof UserProfileConfigSchema)['static'] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
  if (Value.Check(UserProfileConfigSchema, parsed)) return parsed;
  const first = Value.Errors(UserProfileConfigSchema, parsed).First();
  return `does not read as a UPConfig: ${first ? `${first.path || '/'} ${first.message}` : 'wrong shape'}`;
}
