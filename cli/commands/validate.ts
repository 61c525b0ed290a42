// Placeholder until the validate command lands: registers nothing.
import type { Command } from 'commander';

export function register(_program: Command): void {}
