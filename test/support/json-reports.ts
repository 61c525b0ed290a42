/**
 * The JSON documents the CLI prints (check, audit, diff, SARIF), typed for tests that read them
 * back: JSON.parse gives `any`, and a test should not reach into `any`. The shapes come from the
 * functions that build the documents, so a renamed field breaks the tests at compile time.
 */
import type { Log } from 'sarif';
import type { FormatInput } from '../../cli/format/input.ts';
import type { findingJson } from '../../policies/finding-json.ts';
import type { changeJson } from '../../cli/format/review/json.ts';
import type { ReviewResult } from '../../review/review.ts';
import type { ReviewCounts } from '../../review/verdict.ts';

export type FindingJson = ReturnType<typeof findingJson>;
export type ChangeJson = ReturnType<typeof changeJson>;

/** `check --format json` (cli/format/json.ts). */
export interface CheckReport {
  tool: string;
  formatVersion: number;
  summary: Record<string, number>;
  realms: NonNullable<FormatInput['realms']>;
  findings: FindingJson[];
  suppressed: (FindingJson & { reason: string; expires: string | null })[];
  expiredSuppressions: { rule: string; reason: string; expires: string | null; findings: string[] }[];
}

/** `audit --format json`: the check document with the drift from the baseline added. */
export interface AuditReport extends CheckReport {
  drift: { baseline: string; summary: string; changes: ChangeJson[] };
}

/** `diff --format json` (cli/format/review/json.ts). */
export interface DiffReport {
  tool: string;
  command: string;
  formatVersion: number;
  verdict: string;
  summary: {
    weakens: number;
    strengthens: number;
    neutral: number;
    introduced: number;
    introducedBySeverity: ReviewCounts['introduced'];
    resolved: number;
  };
  realms: ReviewResult['realms'];
  changes: ChangeJson[];
  findings: { introduced: FindingJson[]; resolved: FindingJson[] };
}

export const checkReport = (text: string) => JSON.parse(text) as CheckReport;
export const auditReport = (text: string) => JSON.parse(text) as AuditReport;
export const diffReport = (text: string) => JSON.parse(text) as DiffReport;
export const sarifLog = (text: string) => JSON.parse(text) as Log;
