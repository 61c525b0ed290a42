/** findingsChunks / formatFindings: the one entry point check and audit share. */
import { joined, type ReportChunks } from './chunks.ts';
import { jsonChunks } from './json.ts';
import { markdownChunks } from './markdown.ts';
import { sarifChunks } from './sarif.ts';
import { textChunks } from './text.ts';
import type { FormatInput, FormatOptions } from './input.ts';

export type { FormatInput, FormatOptions } from './input.ts';
export type { ReportChunks } from './chunks.ts';
export { summary } from './text.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** The report as one string: for tests and library callers. The commands write findingsChunks() as it comes. */
export function formatFindings(result: FormatInput, format: OutputFormat, options: FormatOptions = {}): string {
  return joined(findingsChunks(result, format, options));
}

/** The report in pieces, in order; concatenated they are formatFindings(). */
export function findingsChunks(result: FormatInput, format: OutputFormat, options: FormatOptions = {}): ReportChunks {
  switch (format) {
    case 'text':
      return textChunks(result, options);
    case 'json':
      return jsonChunks(result);
    case 'sarif':
      return sarifChunks(result);
    case 'markdown':
      return markdownChunks(result, options);
  }
}

/** Colors on a TTY unless NO_COLOR is set (https://no-color.org: any non-empty value). */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}
