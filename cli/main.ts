/**
 * realmguard: load → adapt → run → format → exit code. Each subcommand lives in
 * cli/commands/<name>.ts, is listed in cli/commands/table.ts and is imported only when it runs.
 */
import { Command, CommanderError } from 'commander';
import { InputError, InputErrors } from '../model/errors.ts';
import { visible } from '../model/source/visible-text.ts';
import { ExitCode } from './exit-codes.ts';
import { subcommandsFor } from './commands/table.ts';

/**
 * The program with the subcommands `args` (the words after `realmguard`) need; every subcommand
 * when none are given.
 */
export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('realmguard')
    .description(
      'Keycloak realm hardening as code: validate and check baselines, review changes, audit live realms, respond to incidents.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    // commander repeats a bad option value in its message: shown as escapes, like every input.
    .configureOutput({ outputError: (text, write) => write(text.split('\n').map(visible).join('\n')) });
  // Loaded together, registered in table order (the order --help lists them in).
  for (const module of await Promise.all(subcommandsFor(args).map((row) => row.load()))) module.register(program);
  // Subcommands inherit exitOverride so usage errors reach main() and exit 2.
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the command line and returns the exit code. Never throws for user errors. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv.slice(2));
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Clean;
  } catch (error) {
    return reportError(error);
  }
}

export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with code 0.
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
      return ExitCode.Clean;
    }
    return ExitCode.Usage; // commander already printed the message
  }
  if (error instanceof InputError || error instanceof InputErrors) {
    process.stderr.write(
      `realmguard: ${error.message.includes('\n') ? '\n' : ''}${error instanceof InputError ? error.format() : error.message}\n`,
    );
    return ExitCode.Usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`realmguard: internal error: ${visible(message)}\n`);
  if (process.env.REALMGUARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('  (set REALMGUARD_DEBUG=1 for a stack trace, and please report it)\n');
  return ExitCode.Findings;
}
