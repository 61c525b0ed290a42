/**
 * What check, diff and audit share: the --fail-on threshold and loading every given file before
 * judging any (writing the report is write-report.ts). Not a command: cli/main.ts registers the
 * commands by name.
 */
import { Option } from 'commander';
import { InputError, inputProblemsOf, throwIfAny } from '../../model/errors.ts';
import { loadRealmFile } from '../../model/load.ts';
import type { LoadedRealm } from '../../model/realm-settings.ts';
import { SEVERITIES, severityRank, type Severity } from '../../policies/finding.ts';

export type FailOn = Severity | 'none';

/** --fail-on <severity>: one of the severities, or none. */
export function failOnOption(description: string, defaultValue: FailOn): Option {
  return new Option('--fail-on <severity>', description).choices([...SEVERITIES, 'none']).default(defaultValue);
}

/** True when a finding is at or above the threshold. */
export function failsAt(findings: ReadonlyArray<{ severity: Severity }>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return findings.some((finding) => severityRank(finding.severity) >= severityRank(failOn));
}

/** A commander parser for a whole-number option of at least `minimum` (0 or 1); anything else is an input error, exit 2. */
export function wholeNumber(option: string, minimum: 0 | 1, unit?: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < minimum) {
      throw new InputError(
        `${option} must be a ${minimum === 1 ? 'positive ' : ''}whole number${unit ? ` of ${unit}` : ''}, got '${value}'`,
      );
    }
    return parsed;
  };
}

/** Loads every file; every problem of every file is reported together, and nothing loads unless all do. */
export async function loadEveryFile(files: string[]): Promise<LoadedRealm[][]> {
  const settled = await Promise.allSettled(files.map((file) => loadRealmFile(file)));
  const errors: InputError[] = [];
  const loaded: LoadedRealm[][] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') loaded.push(outcome.value);
    else errors.push(...inputProblemsOf(outcome.reason));
  }
  throwIfAny(errors);
  return loaded;
}

// The Keycloak connection options audit and watch share (read-only commands): one wording and one
// default each.

export function insecureHttpOption(): Option {
  return new Option(
    '--allow-insecure-http',
    'allow plain http:// to a non-loopback KEYCLOAK_URL (credentials would cross the network unencrypted)',
  );
}

export function timeoutOption(): Option {
  return new Option('--timeout <ms>', 'per-request timeout in milliseconds')
    .default(15_000)
    .argParser(wholeNumber('--timeout', 1, 'milliseconds'));
}

export function readRetriesOption(): Option {
  return new Option('--retries <n>', 'retries for a read on 5xx, 429 and network errors')
    .default(3)
    .argParser(wholeNumber('--retries', 0));
}
