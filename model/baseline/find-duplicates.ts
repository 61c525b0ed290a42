/** Refuses a name a baseline declares twice in one list, pointing at the line of the first. */
import type { ParsedText } from '../source/parse-text.ts';
import type { DocPath } from '../source/doc-positions.ts';

/** What the check needs from the converter: the parsed file, and where problems go. */
export interface DuplicateReporter {
  readonly parsed: ParsedText;
  fail(docPath: DocPath, message: string, hint?: string): void;
}

export function findDuplicates(
  names: readonly string[],
  docPathOf: (index: number) => DocPath,
  what: string,
  convert: DuplicateReporter,
): void {
  const firstIndex = new Map<string, number>();
  names.forEach((name, index) => {
    const first = firstIndex.get(name);
    if (first === undefined) {
      firstIndex.set(name, index);
      return;
    }
    const firstLine = convert.parsed.positions.nearest(docPathOf(first))?.line;
    convert.fail(
      docPathOf(index),
      `${what} '${name}' is declared twice`,
      `merge it with the one${firstLine ? ` on line ${firstLine}` : ''} or rename one`,
    );
  });
}
