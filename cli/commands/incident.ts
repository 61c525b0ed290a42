/**
 * realmguard incident <action>: one-shot responses outside the declarative state. Each action is a
 * row of the table in cli/incident/actions/ (its options, what it does, what it asks first); this
 * file declares the subcommands from the table with the options every action shares, and hands
 * the parsed options to runIncidentAction (cli/incident/run.ts), which returns the exit code.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_BULK_CONCURRENCY } from '../../incident/bulk.ts';
import { INCIDENT_ACTIONS } from '../incident/actions/index.ts';
import { runIncidentAction } from '../incident/run.ts';
import type { CommonOptions } from '../incident/setup.ts';
import { timeoutOption, wholeNumber } from './shared.ts';

/** The options every action shares: where, who, how, and the evidence token. */
function common(command: Command): Command {
  return command
    .requiredOption('--realm <realm>', 'realm to act on')
    .option('--url <url>', 'Keycloak server URL (default: $KEYCLOAK_URL)')
    .option('--auth-realm <realm>', 'realm of the acting account (default: $KEYCLOAK_REALM or master)')
    .option('--client-secret-file <file>', 'file holding the service-account secret (default: $KEYCLOAK_CLIENT_SECRET)')
    .option('--password-file <file>', 'file holding the admin password (default: $KEYCLOAK_PASSWORD)')
    .option('--allow-insecure-http', 'allow plain http:// to a host other than loopback')
    .addOption(timeoutOption())
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

/** The options of the actions aimed at users: one, or a list run in bulk. */
function userTargets(command: Command): Command {
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
  for (const action of INCIDENT_ACTIONS) {
    let command = common(incident.command(action.name).description(action.description));
    if (action.targets === 'users') command = userTargets(command);
    if (action.options) command = action.options(command);
    command.action(async (options: CommonOptions) => {
      process.exitCode = await runIncidentAction(action, options);
    });
  }
  for (const command of incident.commands) command.exitOverride();
  incident.exitOverride();
}
