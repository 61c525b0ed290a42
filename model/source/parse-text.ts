/**
 * Parses the text of a baseline or realm export, YAML or JSON, into a plain value plus the
 * position of every key and list item. JSON goes through JSON.parse (a YAML parser is about a
 * hundred times slower on a 10 MB export) and positions are found on demand (JsonOffsets); only
 * a text JSON.parse refuses or that breaks a limit JSON.parse does not know (duplicate keys,
 * nesting, numbers beyond 2^53) is walked again with jsonc-parser, to say where. YAML goes
 * through the `yaml` package. Every problem is an InputError naming the
 * file, line and column: syntax errors, duplicate keys, alias bombs, empty documents, nesting
 * deeper than MAX_NESTING_DEPTH and numbers too large to be read exactly.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import { InputError, throwIfAny } from '../errors.ts';
import { childKey, DocPositions, formatDocPath, type DocPath } from './doc-positions.ts';
import { JsonOffsets } from './json-offsets.ts';
import { scanJsonStructure } from './json-structure.ts';
import { isUnsafeNumber, MAX_NESTING_DEPTH, tooDeep, unsafeNumber } from './limits.ts';
import { parseYamlDocument } from './yaml-document.ts';

export type TextFormat = 'json' | 'yaml';

export interface ParsedText {
  file: string;
  format: TextFormat;
  value: unknown;
  positions: DocPositions;
}

/** Aliases one YAML document may expand; a real baseline needs few, an alias bomb needs many. */
export const MAX_ALIAS_COUNT = 100;

const EMPTY_HINT = 'write a baseline (docs/baseline-format.md) or pass a Keycloak realm export';

/** Which parser a text gets: JSON when the file says so or the text starts like JSON. */
export function detectFormat(text: string, file: string): TextFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

export function parseText(text: string, file: string): ParsedText {
  if (text.trim() === '') throw new InputError('the file is empty', { file }, EMPTY_HINT);
  return detectFormat(text, file) === 'json' ? parseJson(text, file) : parseYaml(text, file);
}

// ---------------------------------------------------------------- JSON

export function parseJson(text: string, file: string): ParsedText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseJsonReportingProblems(text, file);
  }
  const structure = scanJsonStructure(text);
  if (structure.depth > MAX_NESTING_DEPTH) return parseJsonReportingProblems(text, file);
  // JSON.parse keeps the last of duplicate keys silently: the text then writes more members than
  // the value has keys.
  if (keysWithinLimits(value) !== structure.members) return parseJsonReportingProblems(text, file);
  const offsets = new JsonOffsets(text, structure.containers);
  return { file, format: 'json', value, positions: new DocPositions(text, offsets) };
}

/**
 * How many object keys the value has, or -1 when a number in it is beyond 2^53 (it would read
 * rounded). Recursive: the caller has checked the nesting limit on the text already.
 */
function keysWithinLimits(value: unknown): number {
  if (value === null || typeof value !== 'object') return isUnsafeNumber(value) ? -1 : 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = keysWithinLimits(item);
      if (inner < 0) return -1;
      keys += inner;
    }
    return keys;
  }
  for (const key in value) {
    const inner = keysWithinLimits((value as Record<string, unknown>)[key]);
    if (inner < 0) return -1;
    keys += inner + 1;
  }
  return keys;
}

/**
 * The slow, exact path for a text the fast one refused: jsonc-parser walks it to name the line
 * and column of every problem, and records every position on the way (JSON.parse's value is
 * returned only if, against expectation, there is no problem to report).
 */
function parseJsonReportingProblems(text: string, file: string): ParsedText {
  const positions = new DocPositions(text);
  const errors: InputError[] = [];
  // One frame per open object or array: its key, and for objects the keys seen so far.
  const stack: { key: string; keys?: Set<string>; index: number }[] = [];
  let propertyKey = ''; // the key of the property whose value comes next
  // jsonc-parser recurses per level: the walk stops at the limit, before the stack runs out.
  const stop = new Error('nesting limit');
  const enter = (line: number, character: number): void => {
    if (stack.length < MAX_NESTING_DEPTH) return;
    errors.push(tooDeep({ file, line: line + 1, column: character + 1 }));
    throw stop;
  };

  /** Records where a value starts (list items and the root) and returns its key. */
  const valueStart = (offset: number): string => {
    const top = stack[stack.length - 1];
    if (!top) {
      positions.setOffset('', offset);
      return '';
    }
    if (top.keys) return propertyKey;
    const key = childKey(top.key, top.index++);
    positions.setOffset(key, offset);
    return key;
  };

  try {
    visit(
      text,
      {
        onObjectBegin(offset, _length, line, character) {
          enter(line, character);
          stack.push({ key: valueStart(offset), keys: new Set(), index: 0 });
        },
        onObjectEnd() {
          stack.pop();
        },
        onArrayBegin(offset, _length, line, character) {
          enter(line, character);
          stack.push({ key: valueStart(offset), index: 0 });
        },
        onArrayEnd() {
          stack.pop();
        },
        onLiteralValue(value: unknown, offset, length, line, character) {
          const key = valueStart(offset);
          if (isUnsafeNumber(value)) {
            errors.push(
              unsafeNumber(text.slice(offset, offset + length), {
                file,
                line: line + 1,
                column: character + 1,
                ...(key !== '' && { keyPath: keyPathOf(key.split('\u0000')) }),
              }),
            );
          }
        },
        onObjectProperty(property, offset, _length, line, character) {
          const top = stack[stack.length - 1];
          if (!top?.keys) return;
          propertyKey = childKey(top.key, property);
          if (top.keys.has(property)) {
            const path = top.key === '' ? [property] : [...top.key.split('\u0000'), property];
            errors.push(
              new InputError(
                `duplicate key '${property}'`,
                { file, line: line + 1, column: character + 1, keyPath: keyPathOf(path) },
                'keep one of them: JSON.parse and Keycloak would silently use the last',
              ),
            );
          }
          top.keys.add(property);
          positions.setOffset(propertyKey, offset);
        },
        onError(error: ParseErrorCode, _offset, _length, line, character) {
          errors.push(
            new InputError(
              `JSON syntax error: ${describeJsonError(printParseErrorCode(error))}`,
              { file, line: line + 1, column: character + 1 },
              'fix the JSON syntax (a JSON linter shows the spot)',
            ),
          );
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    if (error !== stop) throw error;
  }
  // After the first syntax error the parser's further complaints are mostly echoes of it.
  const firstSyntax = errors.find((error) => error.message.startsWith('JSON syntax error'));
  const reported = [
    ...errors.filter((error) => !error.message.startsWith('JSON syntax error')),
    ...(firstSyntax ? [firstSyntax] : []),
  ];
  throwIfAny(reported.slice(0, 50));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // jsonc-parser accepted it, so this is rare (e.g. a lone surrogate); report without position.
    throw new InputError(
      `JSON syntax error: ${error instanceof Error ? error.message : String(error)}`,
      { file },
      'fix the JSON syntax',
    );
  }
  return { file, format: 'json', value, positions };
}

/** A key path for messages from the parts of a document key (list indexes back to numbers). */
function keyPathOf(parts: readonly string[]): string {
  return formatDocPath(parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name (in double quotes) was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: "a ':' was expected",
    CommaExpected: "a ',' was expected",
    CloseBraceExpected: "a closing '}' was expected",
    CloseBracketExpected: "a closing ']' was expected",
    EndOfFileExpected: 'text after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}

// ---------------------------------------------------------------- YAML

export function parseYaml(text: string, file: string): ParsedText {
  const { document: doc, lineCounter } = parseYamlDocument(text, file, { uniqueKeys: true, strict: true });
  const at = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    // Every duplicate key, but only the first syntax error: later ones are mostly its echoes.
    const duplicates = doc.errors.filter((error) => error.code === 'DUPLICATE_KEY');
    const syntax = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
    const errors = [...duplicates, ...(syntax ? [syntax] : [])].slice(0, 50).map((error) => {
      const where = { file, ...at(error.pos[0]) };
      if (error.code === 'DUPLICATE_KEY') {
        const key = keyTextAt(text, error.pos[0]);
        return new InputError(
          `duplicate key '${key}'`,
          where,
          'keep one of them: a YAML mapping may name each key once',
        );
      }
      if (error.code === 'MULTIPLE_DOCS' || /multiple documents/i.test(error.message)) {
        return new InputError('the file holds more than one YAML document', where, 'put one realm per file');
      }
      return new InputError(
        `YAML syntax error: ${firstLine(error.message)}`,
        where,
        'fix the YAML syntax (check indentation, quotes and colons)',
      );
    });
    throwIfAny(errors);
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new InputError(
      'the file has no content (only comments or an empty document)',
      { file, line: 1, column: 1 },
      EMPTY_HINT,
    );
  }
  // Positions first: the walk also rejects keys that are not plain text before toJS sees them.
  const positions = new DocPositions(text);
  const rootOffset = (doc.contents as YamlNode).range?.[0];
  if (rootOffset !== undefined) positions.setOffset('', rootOffset);
  recordYamlPositions(doc.contents, [], '', positions, at, file);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      throw new InputError(
        `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`,
        { file },
        'write the values out or use fewer anchors and aliases',
      );
    }
    throw new InputError(`YAML error: ${firstLine(message)}`, { file }, 'fix the YAML');
  }
  return { file, format: 'yaml', value, positions };
}

function recordYamlPositions(
  node: YamlNode,
  path: (string | number)[],
  key: string,
  positions: DocPositions,
  at: (offset: number | undefined) => { line?: number; column?: number },
  file: string,
): void {
  if (isAlias(node)) return; // its target's positions are recorded where it is defined
  if (isScalar(node)) {
    if (isUnsafeNumber(node.value)) {
      throw unsafeNumber(node.source ?? String(node.value), {
        file,
        ...at(node.range?.[0]),
        ...(path.length > 0 ? { keyPath: formatDocPath(path) } : {}),
      });
    }
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const notPlain = nonPlainKey(keyNode);
      if (notPlain !== undefined || !isScalar(keyNode)) {
        const location = {
          file,
          ...at(keyNode?.range?.[0] ?? node.range?.[0]),
          ...(path.length > 0 ? { keyPath: formatDocPath(path) } : {}),
        };
        throw new InputError(
          `mapping keys must be plain text, not ${notPlain}`,
          location,
          'write the key as plain text (quote it if it looks like something else)',
        );
      }
      if (isUnsafeNumber(keyNode.value))
        throw unsafeNumber(keyNode.source ?? String(keyNode.value), {
          file,
          ...at(keyNode.range?.[0]),
          ...(path.length > 0 ? { keyPath: formatDocPath(path) } : {}),
        });
      const name = String(keyNode.value);
      const child = childKey(key, name);
      const offset = keyNode.range?.[0];
      if (offset !== undefined) positions.setOffset(child, offset);
      if (pair.value) recordYamlPositions(pair.value as YamlNode, [...path, name], child, positions, at, file);
    }
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const child = childKey(key, index);
      const offset = (item as YamlNode | null)?.range?.[0];
      if (offset !== undefined) positions.setOffset(child, offset);
      if (item) recordYamlPositions(item as YamlNode, [...path, index], child, positions, at, file);
    });
  }
}

/**
 * What a mapping key is when it is not plain text, or undefined when it is. Such keys are refused
 * before toJS: it would turn them into text itself and print a Node warning ("Keys with collection
 * values will be stringified") instead of telling the user. Numbers, booleans and null are plain
 * scalars that toJS turns into text silently; an explicit tag (!!binary, !!timestamp) makes a key
 * an object.
 */
function nonPlainKey(keyNode: YamlNode | null): string | undefined {
  if (isAlias(keyNode)) return `an alias (*${keyNode.source})`;
  if (isMap(keyNode)) return 'a mapping';
  if (isSeq(keyNode)) return 'a list';
  if (isScalar(keyNode)) {
    const { value } = keyNode;
    if (value instanceof Date) return 'a timestamp';
    if (value instanceof Uint8Array) return 'binary data';
    if (typeof value === 'object' && value !== null) return `a tagged value (${keyNode.tag ?? 'object'})`;
    return undefined;
  }
  return 'a list or a mapping';
}

/** The key written at `offset` (quoted or plain), for messages. */
function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  if (quoted?.[2] !== undefined) return quoted[2];
  return (rest.split(/:(\s|$)/)[0] ?? '').trim();
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').trim();
}

/** Position lookup helper for adapters and schema errors. */
export function locate(
  parsed: ParsedText,
  path: DocPath,
): { file: string; line?: number; column?: number; keyPath?: string } {
  const position = parsed.positions.nearest(path);
  return { file: parsed.file, ...(position ?? {}), ...(path.length > 0 ? { keyPath: formatDocPath(path) } : {}) };
}
