/**
 * realmguard audit --realm R [--baseline FILE] — the rule catalogue against a live realm, read
 * through the admin API with GET requests only (view-realm, view-clients, view-users and
 * view-identity-providers suffice), and, with a baseline, the drift between what is declared and
 * what is live, setting by setting.
 * Connection, requests and errors reuse the incident request core: one error line per HTTP failure.
 */
import { Option, type Command } from 'commander';
import { InputError, InputErrors } from '../../model/errors.ts';
import { visible } from '../../model/source/visible-text.ts';
import { readLiveRealm, type LiveReadOptions } from '../../model/live.ts';
import { loadRealmFile } from '../../model/load.ts';
import { DEFAULT_PROFILE, PROFILES, type Profile } from '../../model/profiles.ts';
import type { LoadedRealm } from '../../model/realm-settings.ts';
import { loadPolicyConfig } from '../../policies/config.ts';
import { runRules, type RuleRunResult } from '../../policies/run.ts';
import { authConfigFrom, checkRealmName } from '../../keycloak/auth.ts';
import { IncidentHttp } from '../../keycloak/core.ts';
import { toIncidentError } from '../../keycloak/errors.ts';
import { liveSource } from '../../keycloak/live-source.ts';
import type { SettingChange } from '../../review/change.ts';
import { withoutBuiltInClients } from '../../review/built-in-clients.ts';
import { driftBetween } from '../../review/drift.ts';
import { sensitiveRoleLists } from '../../review/classify/sensitive-grants.ts';
import { driftMarkdownChunks, driftTextChunks, withDriftJson, withDriftSarif } from '../format/review/drift.ts';
import { ExitCode } from '../exit-codes.ts';
import { findingsChunks, OUTPUT_FORMATS, shouldColor, type OutputFormat } from '../format/index.ts';
import { safeJsonChunks } from '../format/json-chunks.ts';
import { findingsDocument } from '../format/json.ts';
import { sarifLog } from '../format/sarif.ts';
import {
  failOnOption,
  failsAt,
  insecureHttpOption,
  readRetriesOption,
  timeoutOption,
  wholeNumber,
  type FailOn,
} from './shared.ts';
import { writeReport } from './write-report.ts';

export interface AuditOptions {
  realm: string;
  baseline?: string;
  format: OutputFormat;
  output?: string;
  failOn: FailOn;
  failOnDrift?: boolean;
  profile?: Profile;
  config?: string;
  allowInsecureHttp?: boolean;
  includeBuiltInClients?: boolean;
  /** Also read the clients' own scope mappings: one request per client with full scope off. */
  scopeMappings?: boolean;
  timeout: number;
  retries: number;
  /** Total milliseconds for the whole audit (every request and retry). */
  deadline: number;
  maxResponseMib: number;
}

export interface AuditOutcome {
  result: RuleRunResult;
  /** Built-in clients left out of the check. */
  skipped: string[];
  drift: SettingChange[] | undefined;
  exitCode: ExitCode;
}

/**
 * Default total time for an audit. Generous: a realm of 68,000 clients is read in 340 pages, one
 * after another. A server that never answers is bounded sooner by the retries (4 attempts).
 */
const AUDIT_DEADLINE_MS = 600_000;

export function register(program: Command): void {
  program
    .command('audit')
    .description(
      'Check a live realm against the rule catalogue (read-only admin access), and report drift from its baseline.',
    )
    .requiredOption('--realm <realm>', 'the realm to audit')
    .option(
      '--baseline <file>',
      'baseline YAML or realm export declaring the realm: report each setting where the live realm differs',
    )
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(failOnOption('exit 1 when a finding is at or above this severity', 'medium'))
    .option('--fail-on-drift', 'exit 1 when the live realm differs from the baseline in any setting')
    .addOption(
      new Option(
        '--profile <profile>',
        'thresholds to check against (default: the baseline’s profile, else baseline)',
      ).choices(PROFILES),
    )
    .option('--config <file>', 'policy config YAML: rule parameters, enforcement levels, suppressions')
    .option(
      '--include-built-in-clients',
      'also check the clients Keycloak creates in every realm (account, admin-cli, …) when the baseline does not declare them',
    )
    .option(
      '--scope-mappings',
      "also read the clients' own scope mappings (one request per client with full scope off) for sensitive-role-client",
    )
    .addOption(insecureHttpOption())
    .addOption(timeoutOption())
    .addOption(readRetriesOption())
    .addOption(
      new Option('--deadline <ms>', 'total time for the whole audit, retries included')
        .default(AUDIT_DEADLINE_MS)
        .argParser(wholeNumber('--deadline', 1, 'milliseconds')),
    )
    .addOption(
      new Option('--max-response-mib <n>', 'largest answer body read from the server')
        .default(64)
        .argParser(wholeNumber('--max-response-mib', 1)),
    )
    .action(async (options: AuditOptions) => {
      const { exitCode } = await audit(options);
      process.exitCode = exitCode;
    });
}

export async function audit(options: AuditOptions, env: NodeJS.ProcessEnv = process.env): Promise<AuditOutcome> {
  // Everything that can be wrong locally is checked before the first request.
  checkRealmName(options.realm, '--realm');
  const http = connection(options, env);
  const config = options.config ? await loadPolicyConfig(options.config) : undefined;
  const declared = options.baseline ? await declaredRealm(options.baseline, options.realm) : undefined;

  const read = await readLive(http, options.realm, { clientScopeMappings: options.scopeMappings === true });
  const { realm: live, skipped } = options.includeBuiltInClients
    ? { realm: read, skipped: [] }
    : withoutBuiltInClients(read, declared);
  if (skipped.length > 0) {
    process.stderr.write(
      `realmguard: left out Keycloak's built-in clients ${visible(skipped.join(', '))} (pass --include-built-in-clients to check them)\n`,
    );
  }
  const profile = options.profile ?? declared?.profile;
  const result = runRules([live], { ...(profile && { profile }), ...(config && { config }) });
  // Drift judges role grants with the same sensitive-role lists as the rules.
  const drift = declared
    ? driftBetween(declared, live, sensitiveRoleLists(profile ?? DEFAULT_PROFILE, config))
    : undefined;

  const toFile = options.output !== undefined;
  const written = await writeReport(
    options.output,
    render(result, drift, options, !toFile && shouldColor(process.stdout)),
  );

  // A report that could not reach stdout (a closed pipe, a full disk) fails the run: exit 1.
  const fails =
    !written || failsAt(result.findings, options.failOn) || (options.failOnDrift === true && (drift?.length ?? 0) > 0);
  return { result, skipped, drift, exitCode: fails ? ExitCode.Findings : ExitCode.Clean };
}

function connection(options: AuditOptions, env: NodeJS.ProcessEnv): IncidentHttp {
  const config = authConfigFrom(env, { allowInsecureHttp: options.allowInsecureHttp === true });
  if (!config.credentials) {
    throw new InputError(
      'no admin credentials',
      { keyPath: 'KEYCLOAK_CLIENT_ID' },
      'set KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET (a service account with view-realm, view-clients, view-users, view-identity-providers; preferred) or KEYCLOAK_USER and KEYCLOAK_PASSWORD',
    );
  }
  return new IncidentHttp(config, {
    timeoutMs: options.timeout,
    retries: options.retries,
    deadlineMs: options.deadline,
    maxResponseBytes: options.maxResponseMib * 1024 * 1024,
  });
}

async function declaredRealm(file: string, realm: string): Promise<LoadedRealm> {
  const realms = await loadRealmFile(file);
  const found = realms.find((candidate) => candidate.settings.realm === realm);
  if (!found) {
    const names = realms.map((candidate) => `'${candidate.settings.realm}'`).join(', ') || 'no realm';
    throw new InputError(
      `the baseline declares ${names}, not realm '${realm}'`,
      { file },
      'pass the baseline of the audited realm, or the matching --realm',
    );
  }
  return found;
}

/**
 * Each GET of the live reader goes through the incident request core: retries for server trouble,
 * one fresh authentication after a 401, and one error line naming the role a 403 lacks.
 */
async function readLive(http: IncidentHttp, realm: string, options: LiveReadOptions): Promise<LoadedRealm> {
  try {
    return await readLiveRealm(liveSource(http, realm), realm, options);
  } catch (error) {
    if (error instanceof InputError || error instanceof InputErrors) throw error;
    const mapped = toIncidentError(
      error,
      { method: 'GET', path: `/admin/realms/${encodeURIComponent(realm)}` },
      http.scene(realm),
    );
    // Secrets never reach the output, even when a server echoes them back.
    throw new InputError(http.secrets.redact(mapped.message));
  }
}

/** The findings report, with the drift beside it, in pieces; JSON and SARIF are built as data and serialized once, as written. */
function* render(
  result: RuleRunResult,
  drift: SettingChange[] | undefined,
  options: AuditOptions,
  color: boolean,
): Generator<string, void, undefined> {
  const title = `realmguard audit — realm ${options.realm}`;
  if (drift === undefined) {
    yield* findingsChunks(result, options.format, { color, title });
    return;
  }
  const baseline = options.baseline ?? '';
  switch (options.format) {
    case 'text':
      yield* findingsChunks(result, 'text', { color, title });
      yield '\n';
      yield* driftTextChunks(drift, baseline, color);
      return;
    case 'markdown':
      yield* findingsChunks(result, 'markdown', { color, title });
      yield '\n';
      yield* driftMarkdownChunks(drift, baseline);
      return;
    case 'json':
      yield* safeJsonChunks(withDriftJson(findingsDocument(result), drift, baseline));
      yield '\n';
      return;
    case 'sarif':
      yield* safeJsonChunks(withDriftSarif(sarifLog(result), drift, baseline));
      yield '\n';
      return;
  }
}
