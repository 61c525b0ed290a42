/** Loads a baseline written inline (YAML lines), and collects the problems it is refused for. */
import { InputError, InputErrors } from '../../../../model/errors.ts';
import { loadRealmText } from '../../../../model/load.ts';
import type { LoadedRealm } from '../../../../model/realm-settings.ts';

export function loadBaseline(lines: string[], file = 'baseline.yaml'): LoadedRealm {
  const [loaded, ...rest] = loadRealmText(['realm: acme', ...lines, ''].join('\n'), file);
  if (!loaded || rest.length > 0 || loaded.source.kind !== 'baseline')
    throw new Error('expected exactly one baseline realm');
  return loaded;
}

/** The problems as `realmguard validate` prints them; fails when the baseline loads. */
export function baselineProblems(lines: string[], file = 'baseline.yaml'): string[] {
  try {
    loadBaseline(lines, file);
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map((problem) => problem.format());
    if (error instanceof InputError) return [error.format()];
    throw error;
  }
  throw new Error('expected an input error, but the baseline loaded');
}
