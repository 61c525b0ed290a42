/**
 * realmguard diff BASE HEAD | --git BASE..HEAD PATH... — what a realm-config change does to
 * security: each changed setting classified (weakens / strengthens / neutral), and the findings
 * the change introduces or resolves. Loading is the model's, judging the review engine's.
 */
import { Option, type Command } from 'commander';
import { InputError } from '../../model/errors.ts';
import { PROFILES, type Profile } from '../../model/profiles.ts';
import type { LoadedRealm } from '../../model/realm-settings.ts';
import { loadPolicyConfig } from '../../policies/config.ts';
import { RULE_DOCS_URL } from '../../policies/define-rule.ts';
import { loadGitSides } from '../../review/git-revisions.ts';
import type { ReportChunks } from '../format/chunks.ts';
import { reviewJsonChunks } from '../format/review/json.ts';
import { formatReviewMarkdown } from '../format/review/markdown.ts';
import { reviewTextChunks } from '../format/review/text.ts';
import { reviewChange, type ReviewResult } from '../../review/review.ts';
import { ExitCode } from '../exit-codes.ts';
import { shouldColor } from '../format/index.ts';
import { failOnOption, failsAt, loadEveryFile, type FailOn } from './shared.ts';
import { writeReport } from './write-report.ts';

export const DIFF_FORMATS = ['markdown', 'text', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
  git?: string;
  format: DiffFormat;
  output?: string;
  failOnWeaken?: boolean;
  failOn: FailOn;
  rulesUrl: string;
  profile?: Profile;
  config?: string;
  /** Where git runs (tests use a temporary repository). */
  cwd?: string;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description(
      'Review a realm-config change: which settings weaken or strengthen, which findings it introduces or resolves.',
    )
    .argument('[inputs...]', 'BASE and HEAD files (baseline YAML or realm export); with --git, the paths to compare')
    .option(
      '--git <range>',
      'compare git revisions BASE..HEAD (or BASE...HEAD from their merge base) of the given paths',
    )
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on-weaken', 'exit 1 when any setting weakens')
    .addOption(failOnOption('exit 1 when the change introduces a finding at or above this severity', 'none'))
    .option('--rules-url <url>', 'base URL of the rule reference that findings link to', RULE_DOCS_URL)
    .addOption(
      new Option('--profile <profile>', 'thresholds for the rules (default: each baseline’s own profile)').choices(
        PROFILES,
      ),
    )
    .option('--config <file>', 'policy config YAML: rule parameters, enforcement levels, suppressions')
    .action(async (inputs: string[], options: DiffOptions) => {
      const { exitCode } = await diff(inputs, options);
      process.exitCode = exitCode;
    });
}

export interface DiffOutcome {
  result: ReviewResult;
  exitCode: ExitCode;
}

export async function diff(inputs: string[], options: DiffOptions): Promise<DiffOutcome> {
  checkRulesUrl(options.rulesUrl);
  const config = options.config ? await loadPolicyConfig(options.config) : undefined;
  const { base, head } = await loadSides(inputs, options);
  const result = reviewChange(base, head, {
    ...(options.profile && { profile: options.profile }),
    ...(config && { config }),
  });
  const toFile = options.output !== undefined;
  const written = await writeReport(options.output, render(result, options, !toFile && shouldColor(process.stdout)));
  // A report that could not reach stdout (a closed pipe, a full disk) fails the run: exit 1.
  return { result, exitCode: !written || failsOn(result, options) ? ExitCode.Findings : ExitCode.Clean };
}

export function failsOn(result: ReviewResult, options: Pick<DiffOptions, 'failOnWeaken' | 'failOn'>): boolean {
  if (options.failOnWeaken && result.changes.some((change) => change.effect === 'weakens')) return true;
  return failsAt(result.findings.introduced, options.failOn);
}

/** The report in pieces; Markdown is whole, as it is cut to fit one pull-request comment. */
function render(result: ReviewResult, options: DiffOptions, color: boolean): ReportChunks {
  switch (options.format) {
    case 'markdown':
      return [formatReviewMarkdown(result, { rulesUrl: options.rulesUrl })];
    case 'json':
      return reviewJsonChunks(result, options.rulesUrl);
    case 'text':
      return reviewTextChunks(result, { color });
  }
}

async function loadSides(
  inputs: string[],
  options: DiffOptions,
): Promise<{ base: LoadedRealm[]; head: LoadedRealm[] }> {
  if (options.git !== undefined) return loadGitSides(options.git, inputs, { ...(options.cwd && { cwd: options.cwd }) });
  if (inputs.length !== 2) {
    throw new InputError(
      `diff needs exactly two files, BASE and HEAD (got ${inputs.length})`,
      {},
      'run: realmguard diff old.yaml new.yaml, or realmguard diff --git origin/main..HEAD baselines/',
    );
  }
  // One file per side; the loader already refuses a file that declares a realm twice.
  const [base = [], head = []] = await loadEveryFile(inputs);
  return { base, head };
}

function checkRulesUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new InputError(
      `--rules-url must be an http(s) URL, got '${url}'`,
      {},
      'for example --rules-url https://github.com/acme/realms/blob/main/docs/rules.md',
    );
  }
}
