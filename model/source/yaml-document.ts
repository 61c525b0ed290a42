/**
 * parseDocument from the `yaml` package, in its two steps, with a nesting limit between them.
 * The parser (text → CST) is iterative, but the composer (CST → nodes) and toJS recurse once per
 * level, so a few thousand nested `[` or `- ` overflow the stack ("Maximum call stack size
 * exceeded" surfaced as a YAML syntax error). The depth is measured on the CST, without
 * recursion, and too deep a document is refused at the offset of the collection that crosses it.
 */
import {
  Composer,
  CST,
  LineCounter,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { MAX_NESTING_DEPTH, tooDeep } from './limits.ts';

export interface ParsedYamlDocument {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** One document, as parseDocument gives it (a second document is a MULTIPLE_DOCS error). */
export function parseYamlDocument(text: string, file: string, options: YamlOptions = {}): ParsedYamlDocument {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = offsetBeyondDepth(tokens, MAX_NESTING_DEPTH);
  if (deep !== undefined) {
    const { line, col } = lineCounter.linePos(deep);
    throw tooDeep({ file, line, column: col });
  }
  const composer = new Composer({ ...options, lineCounter, prettyErrors: false });
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!document) document = next;
    else {
      document.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, even for an empty text.
  if (!document) throw new Error('the YAML composer yielded no document');
  return { document, lineCounter };
}

/** The offset of the first collection nested deeper than `limit`, found with an explicit stack. */
export function offsetBeyondDepth(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, depth } = next;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (!CST.isCollection(token)) continue;
    const inner = depth + 1;
    if (inner > limit) return token.offset;
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: inner });
      if (item.value) stack.push({ token: item.value, depth: inner });
    }
  }
  return undefined;
}
