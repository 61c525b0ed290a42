/**
 * realmguard check FILE... — load → run the rules → format → exit code. Thin on purpose:
 * loading is the model's, judging the policies', presenting the formatters'.
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { InputError, InputErrors } from '../../model/errors.ts';
import { loadRealmFile } from '../../model/load.ts';
import { PROFILES, type Profile } from '../../model/profiles.ts';
import type { LoadedRealm } from '../../model/realm-settings.ts';
import { loadPolicyConfig } from '../../policies/config.ts';
import { SEVERITIES, severityRank, type Severity } from '../../policies/finding.ts';
import { runRules, type RuleRunResult } from '../../policies/run.ts';
import { ExitCode } from '../exit-codes.ts';
import { formatFindings, OUTPUT_FORMATS, shouldColor, type OutputFormat } from '../format/index.ts';

export type FailOn = Severity | 'none';

export interface CheckOptions {
  profile?: Profile;
  config?: string;
  failOn: FailOn;
  format: OutputFormat;
  output?: string;
  /** Pins the clock (suppression expiry, key retention); tests use it. */
  now?: Date;
}

export interface CheckOutcome {
  result: RuleRunResult;
  exitCode: ExitCode;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('Check baseline YAML files and realm exports against the rule catalogue.')
    .argument('<files...>', 'baseline YAML or realm-export JSON/YAML files (a realm or a list of realms each)')
    .addOption(new Option('--profile <profile>', 'thresholds to check against (default: the baseline file’s own profile, else baseline)').choices(PROFILES))
    .option('--config <file>', 'policy config YAML: rule parameters, enforcement levels, suppressions')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('medium'))
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .action(async (files: string[], options: CheckOptions) => {
      const { exitCode } = await check(files, options);
      process.exitCode = exitCode;
    });
}

/** The whole command as a function: loads, runs, writes the report, returns the exit code. */
export async function check(files: string[], options: CheckOptions): Promise<CheckOutcome> {
  const config = options.config ? await loadPolicyConfig(options.config) : undefined;
  const realms = await loadAll(files);
  const result = runRules(realms, {
    ...(options.profile && { profile: options.profile }),
    ...(config && { config }),
    ...(options.now && { now: options.now }),
  });
  const toFile = options.output !== undefined;
  const report = formatFindings(result, options.format, { color: !toFile && shouldColor(process.stdout), title: 'realmguard check' });
  if (toFile) await writeOutput(options.output!, report);
  else process.stdout.write(report);
  if (options.format !== 'text' || toFile) {
    for (const { suppression } of result.expiredSuppressions) {
      process.stderr.write(`realmguard: suppression of ${suppression.rule}${suppression.entity ? ` for ${suppression.entity}` : ''} expired on ${suppression.expires}; its findings are reported again\n`);
    }
  }
  return { result, exitCode: failsAt(result, options.failOn) ? ExitCode.Findings : ExitCode.Clean };
}

export function failsAt(result: Pick<RuleRunResult, 'findings'>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return result.findings.some((finding) => severityRank(finding.severity) >= severityRank(failOn));
}

/** Every file, every problem: nothing is checked unless all files load. */
async function loadAll(files: string[]): Promise<LoadedRealm[]> {
  const settled = await Promise.allSettled(files.map((file) => loadRealmFile(file)));
  const errors: InputError[] = [];
  const realms: LoadedRealm[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') realms.push(...outcome.value);
    else if (outcome.reason instanceof InputErrors) errors.push(...outcome.reason.errors);
    else if (outcome.reason instanceof InputError) errors.push(outcome.reason);
    else throw outcome.reason;
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new InputErrors(errors);
  return realms;
}

async function writeOutput(path: string, report: string): Promise<void> {
  try {
    await writeFile(path, report);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`cannot write the report (${code})`, { file: path }, 'pass a writable path to --output');
  }
}

