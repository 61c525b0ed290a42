/**
 * Realm-wide actions ask first: on a terminal with a yes/no prompt, elsewhere only --yes lets them
 * run (a script must say it means it).
 */
import confirm from '@inquirer/confirm';
import { InputError } from '../../model/errors.ts';

export interface ConfirmOptions {
  yes?: boolean;
  dryRun?: boolean;
  interactive?: boolean;
}

/** Resolves true to go ahead, false when the person at the terminal said no. */
export async function confirmRealmWide(question: string, options: ConfirmOptions): Promise<boolean> {
  if (options.yes || options.dryRun) return true;
  const interactive = options.interactive ?? (process.stdin.isTTY && process.stdout.isTTY);
  if (!interactive) {
    throw new InputError(
      `${question} — this is realm-wide and there is no terminal to confirm on`,
      { keyPath: '--yes' },
      'pass --yes to go ahead, or --dry-run to see the requests first',
    );
  }
  return confirm({ message: question, default: false });
}
