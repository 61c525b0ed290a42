/** Loads one baseline YAML file into the model, filled from its profile. */
import type { LoadedRealm } from '../realm-settings.ts';
import { InputError } from '../errors.ts';

export async function loadBaseline(path: string): Promise<LoadedRealm> {
  throw new InputError('not implemented yet', { file: path });
}

export function loadBaselineText(text: string, file: string): LoadedRealm {
  void text;
  throw new InputError('not implemented yet', { file });
}
