/**
 * What the baseline entity converters need from baselineToRealm's converter: record where a model
 * path was declared, and report a problem the schema cannot see (collected; the file is reported
 * whole). to-settings.ts's Converter has both.
 */
import { roleRefsOf } from '../../entities/access.ts';
import { findDuplicates, type DuplicateReporter } from '../find-duplicates.ts';
import type { FieldPath } from '../../realm-settings.ts';
import type { DocPath } from '../../source/doc-positions.ts';
import type { BaselineProtocolMapper, BaselineRoleMapping } from '../entities-schema.ts';
import type { ProtocolMapperSettings, RoleRef } from '../../realm-settings.ts';

export interface BaselineEntityContext extends DuplicateReporter {
  mark(modelPath: FieldPath, docPath: DocPath, fallback?: DocPath): void;
}

/** A baseline role mapping (realmRoles, clientRoles) as the model's role refs. */
export function roleRefs(mapping: BaselineRoleMapping | undefined): RoleRef[] {
  return roleRefsOf(mapping?.realmRoles, mapping?.clientRoles);
}

export function protocolMappersFrom(
  mappers: readonly BaselineProtocolMapper[],
  ownerProtocol: string,
  owner: FieldPath,
  docPath: DocPath,
  convert: BaselineEntityContext,
): ProtocolMapperSettings[] {
  findDuplicates(
    mappers.map((mapper) => mapper.name),
    (index) => [...docPath, index, 'name'],
    'protocol mapper',
    convert,
  );
  return mappers.map((mapper, index) => {
    convert.mark([...owner, 'protocolMappers', mapper.name], [...docPath, index]);
    return {
      name: mapper.name,
      protocol: mapper.protocol ?? ownerProtocol,
      type: mapper.type,
      config: { ...mapper.config },
    };
  });
}
