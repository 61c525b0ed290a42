/**
 * Text from an input (a client id, a realm name, a redirect URI, a file name, a server's answer)
 * made safe to show on a terminal or in Markdown: characters that would act instead of being
 * seen are written out as escapes. ESC and the other C0/C1 controls can move the cursor, recolor
 * or retitle a terminal (and C1 CSI, U+009B, is ESC [ on some terminals); bidi controls such as
 * U+202E reorder what follows (Trojan Source, CVE-2021-42574); a newline, U+2028 or U+2029 starts
 * a line that looks like ours; a lone surrogate breaks the encoding. Everything else, including
 * non-Latin scripts and emoji, is left as it is.
 *
 * The one helper for every human-facing output (cli/format,
 * InputError.format). JSON keeps the data itself and only escapes these characters (safeJson).
 */

/** Controls, bidi controls, line/paragraph separators and lone surrogates (matched per code point). */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029\p{Cs}]/gu;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(character: string): string {
  const short = SHORT[character];
  if (short) return short;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character shown as an escape: ESC → `\x1b`, U+202E → `\u202e`, newline → `\n`. */
export function visible(text: string): string {
  // The common case (plain text) costs one test and no copy.
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  UNSAFE.lastIndex = 0;
  return text.replace(UNSAFE, escapeOne);
}

/** True when visible() would change the text. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/**
 * JSON.stringify escapes C0 controls and lone surrogates, but writes DEL, C1 controls, bidi
 * controls and U+2028/U+2029 as they are. These become \uXXXX escapes: the parsed data is the
 * same, and `cat report.json` cannot be hijacked.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/gu;

export function safeJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent);
  UNSAFE_IN_JSON.lastIndex = 0;
  return text.replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
