/**
 * realmguard incident <action>: one-shot responses outside the declarative state. Each action is
 * a function in incident/; this file only maps options to it, asks before realm-wide changes,
 * prints the result, journals it and sets the exit code (1 when an action failed).
 */
import { Command, Option } from 'commander';
import { InputError } from '../../model/errors.ts';
import { TOKEN_VERSION_DEFAULT_ATTRIBUTE } from '../../model/token-version.ts';
import {
  bumpTokenVersion,
  containRealm,
  containUser,
  disableClient,
  disableUser,
  doneInputs,
  journalEntry,
  listSessions,
  logoutRealm,
  logoutSession,
  logoutUser,
  notBefore,
  parseUserList,
  revokeToken,
  rotateClientSecret,
  rotateKeys,
  runBulk,
  type ActionResult,
  type IncidentContext,
} from '../../incident/index.ts';
import { DEFAULT_BULK_CONCURRENCY, failureOf, thrownResult } from '../../incident/bulk.ts';
import { confirmRealmWide } from '../incident/confirm.ts';
import { readSecret, readTextFile } from '../incident/inputs.ts';
import { JournalKeeper } from '../incident/journaling.ts';
import { startProgress } from '../incident/progress.ts';
import { renderResult, renderSummary } from '../format/incident.ts';
import { setup, type CommonOptions, type Setup } from '../incident/setup.ts';
import { ExitCode } from '../exit-codes.ts';
import { wholeNumber } from './shared.ts';

/** The options every action shares: where, who, how, and the evidence token. */
function common(command: Command): Command {
  return command
    .requiredOption('--realm <realm>', 'realm to act on')
    .option('--url <url>', 'Keycloak server URL (default: $KEYCLOAK_URL)')
    .option('--auth-realm <realm>', 'realm of the acting account (default: $KEYCLOAK_REALM or master)')
    .option('--client-secret-file <file>', 'file holding the service-account secret (default: $KEYCLOAK_CLIENT_SECRET)')
    .option('--password-file <file>', 'file holding the admin password (default: $KEYCLOAK_PASSWORD)')
    .option('--allow-insecure-http', 'allow plain http:// to a host other than loopback')
    .option(
      '--timeout <ms>',
      'per-request timeout in milliseconds',
      wholeNumber('--timeout', 1, 'milliseconds'),
      15_000,
    )
    .option(
      '--retries <n>',
      'retries for idempotent requests on 5xx, 429 and network errors',
      wholeNumber('--retries', 0),
      3,
    )
    .option(
      '--deadline <ms>',
      'total time for the whole command, retries included (default: none)',
      wholeNumber('--deadline', 1, 'milliseconds'),
    )
    .option(
      '--max-response-mib <n>',
      'largest answer body read from the server',
      wholeNumber('--max-response-mib', 1),
      64,
    )
    .option('--dry-run', 'list the requests that would change state and send none of them')
    .option('--journal <file>', 'append-only journal (JSON lines)', './realmguard-incident.jsonl')
    .option('--yes', 'confirm realm-wide actions without a prompt (required when not on a terminal)')
    .option('--json', 'print the result as JSON')
    .option('--token-file <file>', "a token from a file ('-' for stdin): the one to revoke, or evidence to introspect")
    .option('--token-env <var>', 'a token from this environment variable')
    .option(
      '--introspect-client-id <clientId>',
      'confidential client of the realm that introspects the token (evidence)',
    )
    .option('--introspect-client-secret-file <file>', 'its secret (default: $REALMGUARD_INTROSPECT_CLIENT_SECRET)')
    .addOption(new Option('--token <token>').hideHelp())
    .addOption(new Option('--client-secret <secret>').hideHelp())
    .addOption(new Option('--password <password>').hideHelp());
}

function print(s: Setup, result: ActionResult, options: CommonOptions): void {
  const secret = (result.data as { newSecret?: unknown } | undefined)?.newSecret;
  const shown = typeof secret === 'string' ? secret : undefined;
  // Everything printed passes the redactor, except the one secret the user asked to see.
  const { data: _data, ...rest } = result;
  const printable = shown === undefined ? result : rest;
  const text = options.json ? JSON.stringify(printable, null, 2) : renderResult(printable);
  process.stdout.write(`${s.http.secrets.redact(text)}\n`);
  if (shown !== undefined)
    process.stdout.write(options.json ? `${JSON.stringify({ newSecret: shown })}\n` : `new secret: ${shown}\n`);
}

function finish(s: Setup, result: ActionResult, options: CommonOptions, input?: string): void {
  // The journal entry is built from the result without data (which may hold a secret shown once).
  // A journal that refuses the line does not stop the result from being printed: what was sent is sent.
  const keeper = new JournalKeeper(s.journal);
  keeper.record(
    journalEntry(
      { ...result, data: undefined },
      { actor: s.http.actor, server: s.http.origin, ...(input !== undefined ? { input } : {}) },
    ),
  );
  print(s, result, options);
  if (!result.ok) {
    process.stderr.write(`realmguard: ${result.action} failed: ${s.http.secrets.redact(failureOf(result))}\n`);
    process.exitCode = ExitCode.Findings;
  } else {
    process.exitCode ??= ExitCode.Clean;
  }
  const lost = keeper.report(
    result.dryRun ? `${result.action} (dry run) finished` : `${result.action} ${result.ok ? 'was done' : 'ran'}`,
  );
  if (lost) {
    process.stderr.write(lost);
    process.exitCode = ExitCode.Findings;
  }
}

/** Runs one action; realm-wide ones ask first. */
async function single(
  options: CommonOptions,
  act: (s: Setup) => Promise<ActionResult>,
  realmWide?: string,
  setupOptions = {},
): Promise<void> {
  const s = setup(options, process.env, setupOptions);
  if (realmWide && !(await confirmRealmWide(realmWide, { yes: options.yes, dryRun: options.dryRun }))) {
    process.stderr.write('realmguard: not confirmed, nothing sent\n');
    process.exitCode = ExitCode.Findings;
    return;
  }
  finish(s, await act(s), options);
}

interface UserTargetOptions extends CommonOptions {
  user?: string;
  usersFile?: string;
  concurrency: number;
  resume?: string;
}

/** One user, or a list of them with bounded concurrency, a progress bar, a summary and --resume. */
async function perUser(
  options: UserTargetOptions,
  action: 'logout-user' | 'contain-user',
  act: (ctx: IncidentContext, user: string) => Promise<ActionResult>,
): Promise<void> {
  if ((options.user === undefined) === (options.usersFile === undefined)) {
    throw new InputError(
      'give either --user or --users-file',
      { keyPath: '--user' },
      '--users-file FILE (or - for stdin) lists one username or id per line',
    );
  }
  if (options.user !== undefined) {
    if (options.resume) throw new InputError('--resume applies to --users-file runs', { keyPath: '--resume' });
    const user = options.user;
    await single(options, (s) => act(s.ctx, user));
    return;
  }
  // Pre-flight, in this order and before any request: the list, the journal to resume, then the
  // connection options and the journal to write (setup).
  const file = options.usersFile;
  if (file === undefined) throw new Error('not reached: exactly one of --user and --users-file is checked above');
  const users = parseUserList(readTextFile(file, '--users-file'), file === '-' ? 'stdin' : file);
  const skip = options.resume ? doneInputs(options.resume, action, options.realm) : undefined;
  const s = setup(options, process.env);
  const keeper = new JournalKeeper(s.journal);
  const progress = startProgress(users.length - users.filter((user) => skip?.has(user)).length, action);
  const started = Date.now();
  // A target whose action throws is a failed target (journaled, listed), never the end of the run.
  const attempt = (user: string) =>
    act(s.ctx, user).catch((error: unknown) => thrownResult(action, options.realm, s.ctx.dryRun, user, error));
  const interruption = interruptible();
  const summary = await runBulk(users, attempt, {
    concurrency: options.concurrency,
    ...(skip ? { skip } : {}),
    signal: interruption.signal,
    onResult: (input, result) => {
      progress.tick(!result.ok);
      keeper.record(journalEntry(result, { actor: s.http.actor, server: s.http.origin, input }));
    },
  }).finally(() => interruption.release());
  progress.stop();
  const position = new Map(users.map((user, index) => [user, index]));
  const lostInOrder = keeper.lostInputs.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const journal = { file: s.journal.file, lost: lostInOrder, ...(keeper.reason ? { reason: keeper.reason } : {}) };
  const done = summary.results.filter(({ result }) => result.ok).map(({ input }) => input);
  const text = options.json
    ? JSON.stringify(
        {
          total: summary.total,
          ok: summary.ok,
          done,
          skipped: summary.skipped,
          failed: summary.failed,
          ...(summary.notStarted ? { notStarted: summary.notStarted } : {}),
          journal: { ...journal, lost: [...journal.lost, ...(summary.unrecorded ?? []).map(({ input }) => input)] },
        },
        null,
        2,
      )
    : renderSummary(action, summary, Date.now() - started, journal);
  process.stdout.write(`${s.http.secrets.redact(text)}\n`);
  const lost = keeper.report(`the ${action} run ended`);
  if (lost) process.stderr.write(lost);
  process.exitCode =
    summary.failed.length > 0 || lost || summary.unrecorded || summary.notStarted ? ExitCode.Findings : ExitCode.Clean;
}

/**
 * Ctrl-C (or SIGTERM) in a bulk run: start no further user, let those in flight finish — their
 * requests are already out, and killing them would leave no result and no journal line — then
 * print the summary. A second signal finds no handler and ends the process at once.
 */
function interruptible(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const stop = (): void => {
    release();
    process.stderr.write(
      'realmguard: interrupted — finishing the users in progress and starting no more (press Ctrl-C again to stop at once)\n',
    );
    controller.abort();
  };
  const release = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { signal: controller.signal, release };
}

function withUsers(command: Command): Command {
  return command
    .option('--user <user>', 'username or user id')
    .option('--users-file <file>', "bulk: one username or id per line ('-' for stdin)")
    .option(
      '--concurrency <n>',
      'bulk: users handled at once',
      wholeNumber('--concurrency', 1),
      DEFAULT_BULK_CONCURRENCY,
    )
    .option('--resume <journal>', 'bulk: skip the users this journal shows done');
}

export function register(program: Command): void {
  const incident = program
    .command('incident')
    .description(
      'one-shot incident response on a live realm: log out, revoke, push not-before, rotate keys and secrets, disable, bump token versions',
    );

  const add = (name: string, description: string): Command => common(incident.command(name).description(description));

  add('sessions', "list a user's online and offline sessions")
    .requiredOption('--user <user>', 'username or user id')
    .action((options: CommonOptions & { user: string }) =>
      single(options, (s) => listSessions(s.ctx, { user: options.user })),
    );

  add('logout-session', 'end one session (online or offline) of a user')
    .requiredOption('--user <user>', 'username or user id owning the session')
    .requiredOption('--session <sid>', 'session id (the sid claim, or from `incident sessions`)')
    .action((options: CommonOptions & { user: string; session: string }) =>
      single(options, (s) => logoutSession(s.ctx, { user: options.user, session: options.session })),
    );

  withUsers(add('logout-user', "end all of a user's sessions, offline tokens included")).action(
    (options: UserTargetOptions) => perUser(options, 'logout-user', (ctx, user) => logoutUser(ctx, { user })),
  );

  add('logout-realm', 'log out everyone in the realm (also sets the realm not-before)').action(
    (options: CommonOptions) =>
      single(options, (s) => logoutRealm(s.ctx), `Log out EVERY session of realm '${options.realm}'?`),
  );

  add('revoke-token', 'RFC 7009: revoke a refresh, offline or access token (give it with --token-file or --token-env)')
    .option('--token-client-id <clientId>', "client the token was issued to (default: the token's azp claim)")
    .option(
      '--token-client-secret-file <file>',
      "that client's secret, for a confidential client (default: $REALMGUARD_TOKEN_CLIENT_SECRET)",
    )
    .action((options: CommonOptions & { tokenClientId?: string; tokenClientSecretFile?: string }) =>
      single(
        options,
        async (s) => {
          if (!s.token)
            throw new InputError(
              'no token to revoke',
              { keyPath: '--token-file' },
              'pass --token-file FILE, --token-file - (stdin) or --token-env VAR',
            );
          const clientSecret = readSecret(
            options.tokenClientSecretFile,
            '--token-client-secret-file',
            process.env,
            'REALMGUARD_TOKEN_CLIENT_SECRET',
          );
          return revokeToken(s.ctx, {
            token: s.token,
            ...(options.tokenClientId ? { clientId: options.tokenClientId } : {}),
            ...(clientSecret ? { clientSecret } : {}),
            ...(s.introspection ? { introspection: s.introspection } : {}),
          });
        },
        undefined,
        { tokenIsTarget: true },
      ),
    );

  add('not-before', 'set not-before to now for the realm (or one client) and push it')
    .option('--client <clientId>', 'only this client')
    .action((options: CommonOptions & { client?: string }) =>
      single(
        options,
        (s) => notBefore(s.ctx, options.client ? { client: options.client } : {}),
        options.client ? undefined : `Invalidate every token issued so far in realm '${options.realm}'?`,
      ),
    );

  add(
    'rotate-keys',
    'rotate a signing key: routine (old key passive) or --emergency (compromised key removed, not-before pushed)',
  )
    .option('--emergency', 'the key is compromised: remove it at once and push not-before')
    .option('--kid <kid>', 'the key to replace, by key id')
    .option('--provider <name>', 'the key to replace, by key provider name or id')
    .option('--algorithm <alg>', 'without --kid/--provider: the active key of this algorithm', 'RS256')
    .option('--name <name>', 'name of the new key provider')
    .option(
      '--priority <n>',
      'priority of the new key (default: highest of its algorithm + 100)',
      wholeNumber('--priority', 1),
    )
    .action(
      (
        options: CommonOptions & {
          emergency?: boolean;
          kid?: string;
          provider?: string;
          algorithm: string;
          name?: string;
          priority?: number;
        },
      ) =>
        single(
          options,
          (s) =>
            rotateKeys(s.ctx, {
              mode: options.emergency ? 'emergency' : 'routine',
              algorithm: options.algorithm,
              ...(options.kid ? { kid: options.kid } : {}),
              ...(options.provider ? { provider: options.provider } : {}),
              ...(options.name ? { name: options.name } : {}),
              ...(options.priority ? { priority: options.priority } : {}),
            }),
          options.emergency
            ? `Delete the compromised key of realm '${options.realm}' now (every token it signed fails) and push not-before?`
            : `Rotate the ${options.kid ?? options.provider ?? options.algorithm} signing key of realm '${options.realm}'?`,
        ),
    );

  add('disable-user', 'disable a user and end all their sessions')
    .requiredOption('--user <user>', 'username or user id')
    .action((options: CommonOptions & { user: string }) =>
      single(options, (s) => disableUser(s.ctx, { user: options.user })),
    );

  add('disable-client', 'disable a client and push a not-before for it')
    .requiredOption('--client <clientId>', 'the clientId')
    .action((options: CommonOptions & { client: string }) =>
      single(options, (s) => disableClient(s.ctx, { client: options.client })),
    );

  add(
    'rotate-client-secret',
    'generate a new client secret (the old one stops working); it is not printed unless asked',
  )
    .requiredOption('--client <clientId>', 'the clientId')
    .option('--secret-file <file>', 'write the new secret to this new file (mode 0600)')
    .option('--force', 'with --secret-file: replace the file if it exists (with a new 0600 file)')
    .option('--show-secret', 'print the new secret on stdout (it never goes to the journal)')
    .action(
      (options: CommonOptions & { client: string; secretFile?: string; force?: boolean; showSecret?: boolean }) => {
        if (options.force && !options.secretFile)
          throw new InputError(
            '--force applies to --secret-file',
            { keyPath: '--force' },
            'give --secret-file FILE, or leave --force out',
          );
        return single(options, (s) =>
          rotateClientSecret(s.ctx, {
            client: options.client,
            ...(options.secretFile ? { secretFile: options.secretFile, force: options.force === true } : {}),
            showSecret: options.showSecret === true,
          }),
        );
      },
    );

  add('bump-token-version', "raise the user's token-version attribute by one")
    .requiredOption('--user <user>', 'username or user id')
    .option('--attribute <name>', 'the user attribute the token-version claim reads', TOKEN_VERSION_DEFAULT_ATTRIBUTE)
    .action((options: CommonOptions & { user: string; attribute: string }) =>
      single(options, (s) => bumpTokenVersion(s.ctx, { user: options.user, attribute: options.attribute })),
    );

  withUsers(
    add('contain-user', 'playbook: log out everywhere (offline too), bump the token version, optionally disable'),
  )
    .option('--disable', 'also disable the account')
    .option('--attribute <name>', 'the token-version attribute', TOKEN_VERSION_DEFAULT_ATTRIBUTE)
    .action((options: UserTargetOptions & { disable?: boolean; attribute: string }) =>
      perUser(options, 'contain-user', (ctx, user) =>
        containUser(ctx, { user, disable: options.disable === true, attribute: options.attribute }),
      ),
    );

  add('contain-realm', 'playbook: emergency key rotation, log out the realm, push not-before')
    .option('--kid <kid>', 'the compromised key, by key id')
    .option('--provider <name>', 'the compromised key, by key provider name or id')
    .option('--algorithm <alg>', 'without --kid/--provider: the active key of this algorithm', 'RS256')
    .action((options: CommonOptions & { kid?: string; provider?: string; algorithm: string }) =>
      single(
        options,
        (s) =>
          containRealm(s.ctx, {
            algorithm: options.algorithm,
            ...(options.kid ? { kid: options.kid } : {}),
            ...(options.provider ? { provider: options.provider } : {}),
          }),
        `Contain realm '${options.realm}': delete its ${options.kid ?? options.provider ?? `active ${options.algorithm}`} key, log out everyone and push not-before?`,
      ),
    );

  for (const command of incident.commands) command.exitOverride();
  incident.exitOverride();
}
