/**
 * What the baseline entity converters need from baselineToRealm's converter: record where a model
 * path was declared, and report a problem the schema cannot see (collected; the file is reported
 * whole). to-settings.ts's Converter has both.
 */
import type { FieldPath } from '../../realm-settings.ts';
import type { DocPath } from '../../source/doc-positions.ts';
import type { BaselineProtocolMapper, BaselineRoleMapping } from '../entities-schema.ts';
import type { ProtocolMapperSettings, RoleRef } from '../../realm-settings.ts';

export interface BaselineEntityContext {
  mark(modelPath: FieldPath, docPath: DocPath, fallback?: DocPath): void;
  fail(docPath: DocPath, message: string, hint?: string): void;
}

/** Reports every name declared a second time under `what`, pointing at the first. */
export function refuseDuplicates(
  names: readonly string[],
  docPathOf: (index: number) => DocPath,
  what: string,
  convert: BaselineEntityContext,
): void {
  const first = new Map<string, number>();
  names.forEach((name, index) => {
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, index);
    else
      convert.fail(docPathOf(index), `${what} '${name}' is declared twice`, `keep one (the first is item ${earlier})`);
  });
}

/** realmRoles + clientRoles, in the model's RoleRef form. */
export function roleRefs(mapping: BaselineRoleMapping | undefined): RoleRef[] {
  return [
    ...(mapping?.realmRoles ?? []).map((name) => ({ name })),
    ...Object.entries(mapping?.clientRoles ?? {}).flatMap(([client, names]) => names.map((name) => ({ client, name }))),
  ];
}

export function protocolMappersFrom(
  mappers: readonly BaselineProtocolMapper[],
  ownerProtocol: string,
  owner: FieldPath,
  docPath: DocPath,
  convert: BaselineEntityContext,
): ProtocolMapperSettings[] {
  refuseDuplicates(
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
