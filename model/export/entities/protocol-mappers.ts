/** ProtocolMapperRepresentation → ProtocolMapperSettings, for clients and client scopes alike. */
import type { ProtocolMapperSettings } from '../../realm-settings.ts';
import type { ProtocolMapperRepresentation } from '../entities-schema.ts';
import { stringMap } from './mark.ts';

export function protocolMapperFrom(
  mapper: ProtocolMapperRepresentation,
  ownerProtocol: string,
): ProtocolMapperSettings {
  return {
    name: mapper.name ?? '',
    // A mapper that names no protocol is read as one of its owner's protocol.
    protocol: mapper.protocol ?? ownerProtocol,
    type: mapper.protocolMapper ?? '',
    config: stringMap(mapper.config),
  };
}
