/**
 * Identity providers: CREATE and UPDATE IDENTITY_PROVIDER carry the whole provider (an update's
 * client secret masked; dropped here all the same) and are judged — a create against no provider,
 * as diff judges an added one (neutral, reported when the new provider breaks a rule); a delete
 * only keeps the list current.
 */
import { isRecord } from '../../keycloak/answers.ts';
import { text } from '../../model/live/reads.ts';
import { withoutSecrets } from '../realm-parts.ts';
import { idUnder, UNKNOWN_BEFORE, type PartsApplier } from './change.ts';

export const identityProviders: PartsApplier = (admin, parts) => {
  if (admin.resourceType !== 'IDENTITY_PROVIDER') return undefined;
  const alias = idUnder(admin.resourcePath, 'identity-provider/instances');
  if (alias === undefined) return undefined;
  const others = parts.identityProviders.filter((idp) => text(idp.alias) !== alias);
  const known = others.length < parts.identityProviders.length;
  const subject = `identity provider ${alias}`;
  if (admin.operationType === 'DELETE')
    return { subject, parts: { ...parts, identityProviders: others }, judge: false };
  const representation = admin.representation;
  if (!isRecord(representation) || (admin.operationType !== 'UPDATE' && admin.operationType !== 'CREATE'))
    return undefined;
  // The path names the provider; a representation renaming it is taken as the path says.
  const changed = { ...withoutSecrets(representation), alias };
  return {
    subject,
    parts: { ...parts, identityProviders: [...others, changed] },
    judge: true,
    ...(known || admin.operationType === 'CREATE' ? {} : { caveat: UNKNOWN_BEFORE }),
  };
};

const MAPPER = /^identity-provider\/instances\/([^/]+)\/mappers\/([^/]+)$/;

/**
 * An identity provider's mappers: CREATE/UPDATE IDENTITY_PROVIDER_MAPPER on
 * identity-provider/instances/{alias}/mappers/{id} carries the whole mapper and is judged (a mapper
 * that grants roles or groups, a mapper's sync mode); a delete only keeps the list current.
 */
export const identityProviderMappers: PartsApplier = (admin, parts) => {
  if (admin.resourceType !== 'IDENTITY_PROVIDER_MAPPER') return undefined;
  const [, alias, id] = MAPPER.exec(admin.resourcePath ?? '') ?? [];
  if (alias === undefined || id === undefined) return undefined;
  if (!parts.identityProviders.some((idp) => text(idp.alias) === alias)) return undefined;
  const others = parts.identityProviderMappers.filter((mapper) => text(mapper.id) !== id);
  const subject = `identity provider ${alias}`;
  if (admin.operationType === 'DELETE')
    return { subject, parts: { ...parts, identityProviderMappers: others }, judge: false };
  const representation = admin.representation;
  if (!isRecord(representation) || (admin.operationType !== 'UPDATE' && admin.operationType !== 'CREATE'))
    return undefined;
  const changed = { ...withoutSecrets(representation), id, identityProviderAlias: alias };
  return { subject, parts: { ...parts, identityProviderMappers: [...others, changed] }, judge: true };
};
