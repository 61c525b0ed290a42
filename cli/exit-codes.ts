/** The command's exit codes, the same for every subcommand. */
export const ExitCode = {
  /** Nothing at or above the fail level. */
  Clean: 0,
  /** Findings at or above the fail level, or an action that failed. */
  Findings: 1,
  /** Usage or input error: nothing was checked or changed. */
  Usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
