/**
 * Key providers: UPDATE COMPONENT of a key provider carries the whole component with its config
 * and is judged; a create or delete (reported by admin-actions) only keeps the list current.
 */
import { KEY_PROVIDER_COMPONENT_TYPE } from '../../model/export/schema.ts';
import { text } from '../../model/live/reads.ts';
import { withoutSecrets } from '../realm-parts.ts';
import { idUnder, UNKNOWN_BEFORE, type PartsApplier } from './change.ts';

export const keyProviders: PartsApplier = (admin, parts) => {
  if (admin.resourceType !== 'COMPONENT') return undefined;
  const id = idUnder(admin.resourcePath, 'components');
  if (id === undefined) return undefined;
  const others = parts.keyComponents.filter((component) => text(component.id) !== id);
  const known = others.length < parts.keyComponents.length;
  if (admin.operationType === 'DELETE')
    return known
      ? { subject: `key provider ${id}`, parts: { ...parts, keyComponents: others }, judge: false }
      : undefined;
  const representation = admin.representation;
  if (representation?.providerType !== KEY_PROVIDER_COMPONENT_TYPE) return undefined;
  if (admin.operationType !== 'UPDATE' && admin.operationType !== 'CREATE') return undefined;
  return {
    subject: `key provider ${text(representation.name) ?? id}`,
    parts: { ...parts, keyComponents: [...others, { ...withoutSecrets(representation), id }] },
    judge: admin.operationType === 'UPDATE',
    ...(known ? {} : { caveat: UNKNOWN_BEFORE }),
  };
};
