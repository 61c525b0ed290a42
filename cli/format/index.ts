/** formatFindings: the one entry point check, audit and diff share. */
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';
import type { FormatInput, FormatOptions } from './input.ts';

export type { FormatInput, FormatOptions } from './input.ts';
export { summary } from './text.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export function formatFindings(result: FormatInput, format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(result, options);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result);
    case 'markdown':
      return formatMarkdown(result, options);
  }
}

/** Colors on a TTY unless NO_COLOR is set (https://no-color.org: any non-empty value). */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}
