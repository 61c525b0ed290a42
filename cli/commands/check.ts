// Placeholder until the check command lands: registers nothing.
import type { Command } from 'commander';

export function register(_program: Command): void {}
