/**
 * realmguard validate FILE... — is each file a well-formed baseline or realm export? Prints
 * `FILE: valid (…)` per good file (exit 0); every problem of every bad file as one line
 * `file:line:col: key.path: message — what to do` (exit 2). Checks form only; `check` judges
 * the settings.
 */
import type { Command } from 'commander';
import { inputProblemsOf, throwIfAny, type InputError } from '../../model/errors.ts';
import { loadRealmFile } from '../../model/load.ts';
import { visible } from '../../model/source/visible-text.ts';
import type { LoadedRealm } from '../../model/realm-settings.ts';
import { ExitCode } from '../exit-codes.ts';

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'Check that baseline YAML files and Keycloak realm exports are well-formed (syntax, schema, durations, keys).',
    )
    .argument('<files...>', 'baseline YAML or realm-export JSON/YAML files')
    .action(async (files: string[]) => {
      process.exitCode = await validate(files, (line) => process.stdout.write(`${line}\n`));
    });
}

/** Validates every file; returns the exit code, or throws InputErrors with every problem found. */
export async function validate(files: string[], print: (line: string) => void): Promise<ExitCode> {
  const problems: InputError[] = [];
  for (const file of files) {
    try {
      // The file and realm names are the user's: shown as escapes, never raw control characters.
      print(visible(`${file}: valid (${describe(await loadRealmFile(file))})`));
    } catch (error) {
      problems.push(...inputProblemsOf(error));
    }
  }
  throwIfAny(problems, { asList: true });
  return ExitCode.Clean;
}

function describe(realms: LoadedRealm[]): string {
  const count = `${realms.length} ${realms.length === 1 ? 'realm' : 'realms'}`;
  const first = realms[0];
  if (first?.source.kind === 'baseline')
    return `${count}: baseline '${first.settings.realm}', profile ${first.profile ?? 'baseline'}`;
  return `${count}: realm export ${realms.map((realm) => `'${realm.settings.realm}'`).join(', ')}`;
}
