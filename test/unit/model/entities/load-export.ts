/** Loads a realm export written inline (JSON text), as `realmguard check` would: schema, adapter, positions. */
import { loadRealmText } from '../../../../model/load.ts';
import { positionOf, type FieldPath, type LoadedRealm } from '../../../../model/realm-settings.ts';

export function loadExport(realm: Record<string, unknown>, file = 'export.json'): LoadedRealm {
  const [loaded, ...rest] = loadRealmText(JSON.stringify({ realm: 'acme', ...realm }, null, 2), file);
  if (!loaded || rest.length > 0) throw new Error('expected exactly one realm');
  return loaded;
}

/** The line a model path points at (its own position or its nearest ancestor's). */
export function lineOf(loaded: LoadedRealm, path: FieldPath): number | undefined {
  return positionOf(loaded.source, path)?.line;
}
