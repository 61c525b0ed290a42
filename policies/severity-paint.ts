/**
 * How each severity looks on a terminal: one choice for the findings of check/audit/diff and the
 * detections of watch, so a critical reads the same wherever it is printed.
 */
import { createColors } from 'picocolors';
import type { Severity } from './finding.ts';

export type Paint = Record<Severity, (text: string) => string>;

/** The painters for each severity; with `color` false each returns its text unchanged. */
export function severityPaint(color: boolean): Paint {
  const c = createColors(color);
  return {
    critical: (text) => c.bold(c.red(text)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
}
