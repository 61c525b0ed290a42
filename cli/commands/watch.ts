/**
 * realmguard watch --realm R — reads a realm's user and admin events (view-events suffices),
 * reports detections, and with --respond answers them with incident playbooks. --once (default)
 * reads the window and exits 0 (nothing detected) or 1; --follow polls until interrupted.
 * The work is in watch/; this file maps options to it and errors to one line and exit code 2.
 */
import { Option, type Command } from 'commander';
import { InputError } from '../../model/errors.ts';
import { durationInput } from '../../model/durations.ts';
import { PROFILES, type Profile } from '../../model/profiles.ts';
import { loadPolicyConfig } from '../../policies/config.ts';
import { Journal } from '../../incident/journal.ts';
import { authConfigFrom, checkRealmName } from '../../keycloak/auth.ts';
import { IncidentHttp } from '../../keycloak/core.ts';
import { IncidentError } from '../../keycloak/errors.ts';
import { loadWatchConfig } from '../../watch/config.ts';
import { detectionWriter, WATCH_FORMATS, type WatchFormat } from '../../watch/output.ts';
import { responder, type ResponseOutput } from '../../watch/respond.ts';
import { emptyState, loadState, StateFile } from '../../watch/state-file.ts';
import { watchRealms } from '../../watch/watcher.ts';
import { ExitCode } from '../exit-codes.ts';
import { renderResult } from '../format/incident.ts';
import { JournalKeeper } from '../incident/journaling.ts';
import { shouldColor } from '../format/index.ts';
import { insecureHttpOption, readRetriesOption, timeoutOption, wholeNumber } from './shared.ts';

export interface WatchOptions {
  realm: string[];
  once?: boolean;
  follow?: boolean;
  since: string;
  interval: number;
  format: WatchFormat;
  state?: string;
  config?: string;
  profile?: Profile;
  respond?: boolean;
  dryRun?: boolean;
  journal: string;
  allowInsecureHttp?: boolean;
  timeout: number;
  retries: number;
}

export function register(program: Command): void {
  program
    .command('watch')
    .description(
      "Read a realm's events, report token misuse and weakening admin changes, and (with --respond) contain the user.",
    )
    .requiredOption(
      '--realm <realm>',
      'realm to watch (repeat for several)',
      (value: string, all: string[] | undefined) => [...(all ?? []), value],
    )
    .option('--once', 'read the window and exit: 0 nothing detected, 1 something was (the default)')
    .option('--follow', 'poll until interrupted')
    .option('--since <duration>', 'where a realm without a cursor in --state starts, e.g. 1h, 15m', '1h')
    .addOption(
      new Option('--interval <ms>', 'polling interval of --follow')
        .default(2_000)
        .argParser(wholeNumber('--interval', 1, 'milliseconds')),
    )
    .addOption(
      new Option('--format <format>', 'text (one line per detection) or json (JSON lines)')
        .choices(WATCH_FORMATS)
        .default('text'),
    )
    .option('--state <file>', 'state file: the cursor and the detections acted on; a restart resumes from it')
    .option('--config <file>', 'policy config YAML: its watch section holds thresholds and the response mapping')
    .addOption(
      new Option('--profile <profile>', 'thresholds of the rules a weakening change is checked against').choices(
        PROFILES,
      ),
    )
    .option('--respond', 'answer detections with the playbook the config maps them to (default: report only)')
    .option('--dry-run', 'with --respond: list what would be sent, send nothing')
    .option('--journal <file>', 'append-only journal of the responses (JSON lines)', './realmguard-incident.jsonl')
    .addOption(insecureHttpOption())
    .addOption(timeoutOption())
    .addOption(readRetriesOption())
    .action(async (options: WatchOptions) => {
      process.exitCode = await watchCommand(options);
    });
}

export async function watchCommand(options: WatchOptions, env: NodeJS.ProcessEnv = process.env): Promise<ExitCode> {
  // Everything local is checked before the first request.
  for (const realm of options.realm) checkRealmName(realm, '--realm');
  if (options.once && options.follow)
    throw new InputError('--once and --follow exclude each other', { keyPath: '--follow' }, 'give one of them');
  if (options.dryRun && !options.respond)
    throw new InputError(
      '--dry-run applies to --respond',
      { keyPath: '--dry-run' },
      'add --respond to see what it would do',
    );
  const sinceSeconds = durationInput(options.since, '--since', { keyPath: '--since' });
  const config = loadWatchConfig(options.config);
  const policy = options.config ? await loadPolicyConfig(options.config) : undefined;
  const state = new StateFile(options.state, options.state ? loadState(options.state) : emptyState());
  const auth = authConfigFrom(env, { allowInsecureHttp: options.allowInsecureHttp === true });
  if (!auth.credentials) {
    throw new InputError(
      'no admin credentials',
      { keyPath: 'KEYCLOAK_CLIENT_ID' },
      'set KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET (a service account with view-events; manage-users too for --respond) or KEYCLOAK_USER and KEYCLOAK_PASSWORD',
    );
  }
  // --follow never ends on its own: no deadline, the retries bound each request.
  const http = new IncidentHttp(auth, { timeoutMs: options.timeout, retries: options.retries });
  const journal = new Journal(options.journal, http.secrets);
  // The journal must take a line before anything is acted on.
  if (options.respond) journal.check();
  const stderr = (line: string) => process.stderr.write(`${line}\n`);
  const emit = detectionWriter(
    (line) => process.stdout.write(`${line}\n`),
    options.format,
    shouldColor(process.stdout),
    http.secrets,
  );
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const outcome = await watchRealms(http, {
      realms: options.realm,
      startAt: Date.now() - sinceSeconds * 1000,
      follow: options.follow === true,
      intervalMs: options.interval,
      config,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(policy ? { policy } : {}),
      state,
      emit,
      note: (line) => stderr(`realmguard: ${http.secrets.redact(line)}`),
      ...(options.respond
        ? {
            responder: responder(http, config, state, {
              dryRun: options.dryRun === true,
              ...responseOutput(journal, stderr),
            }),
          }
        : {}),
      signal: stop.signal,
    });
    return outcome.detections > 0 ? ExitCode.Findings : ExitCode.Clean;
  } catch (error) {
    // One line for a server that refuses, is unreachable or answers oddly: exit 2 (nothing was judged).
    if (error instanceof IncidentError) throw new InputError(http.secrets.redact(error.message));
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The journal keeper and the result rendering the incident commands use, lent to the response runner. */
export function responseOutput(journal: Journal, write: (line: string) => void): ResponseOutput {
  const keeper = new JournalKeeper(journal);
  return { record: (entry) => keeper.record(entry), render: renderResult, write };
}
