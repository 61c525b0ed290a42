/**
 * realmguard check FILE... — load → run the rules → format → exit code. Thin on purpose:
 * loading is the model's, judging the policies', presenting the formatters'.
 */
import { Option, type Command } from 'commander';
import { PROFILES, type Profile } from '../../model/profiles.ts';
import { visible } from '../../model/source/visible-text.ts';
import { loadPolicyConfig } from '../../policies/config.ts';
import { runRules, type RuleRunResult } from '../../policies/run.ts';
import { ExitCode } from '../exit-codes.ts';
import { findingsChunks, OUTPUT_FORMATS, shouldColor, type OutputFormat } from '../format/index.ts';
import { failOnOption, failsAt, loadEveryFile, type FailOn } from './shared.ts';
import { writeReport } from './write-report.ts';

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
    .addOption(
      new Option(
        '--profile <profile>',
        'thresholds to check against (default: the baseline file’s own profile, else baseline)',
      ).choices(PROFILES),
    )
    .option('--config <file>', 'policy config YAML: rule parameters, enforcement levels, suppressions')
    .addOption(failOnOption('exit 1 when a finding is at or above this severity', 'medium'))
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
  const realms = (await loadEveryFile(files)).flat();
  const result = runRules(realms, {
    ...(options.profile && { profile: options.profile }),
    ...(config && { config }),
    ...(options.now && { now: options.now }),
  });
  const toFile = options.output !== undefined;
  const written = await writeReport(
    options.output,
    findingsChunks(result, options.format, {
      color: !toFile && shouldColor(process.stdout),
      title: 'realmguard check',
    }),
  );
  if (options.format !== 'text' || toFile) {
    for (const { suppression } of result.expiredSuppressions) {
      process.stderr.write(
        `${visible(`realmguard: suppression of ${suppression.rule}${suppression.entity ? ` for ${suppression.entity}` : ''} expired on ${suppression.expires}; its findings are reported again`)}\n`,
      );
    }
  }
  // A report that could not reach stdout (a closed pipe, a full disk) fails the run: exit 1.
  const fails = !written || failsAt(result.findings, options.failOn);
  return { result, exitCode: fails ? ExitCode.Findings : ExitCode.Clean };
}
