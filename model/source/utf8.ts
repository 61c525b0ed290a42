/**
 * Input files must be UTF-8 (YAML 1.2 and JSON say so, and Keycloak writes its exports so).
 * Node's toString('utf8') would silently turn a Latin-1 or UTF-16 file into U+FFFD mojibake and
 * then report findings about names that do not exist; this refuses it instead, naming the line
 * and column of the first byte that is not UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.ts';

/** The text of `bytes`, without a leading byte-order mark; an InputError at the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (!isUtf8(bytes)) throw notUtf8(bytes, file);
  // ignoreBOM: false drops a leading byte-order mark, which parsers would see as a stray character.
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
}

function notUtf8(bytes: Uint8Array, file: string): InputError {
  const offset = firstInvalidByte(bytes);
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const line = countNewlines(bytes, lineStart) + 1;
  // Columns count characters, as every other position does: decode the valid start of the line.
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  const shown = Array.from(bytes.subarray(offset, offset + 4), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
      ? ' (it looks like UTF-16)'
      : '';
  return new InputError(
    `is not UTF-8 text${utf16}: the bytes at offset ${offset} (${shown}) do not decode`,
    { file, line, column },
    'save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 FILE > FILE.utf8)',
  );
}

/**
 * The offset of the first byte that cannot be decoded. A streaming fatal decoder throws on the
 * chunk that holds it: whole chunks first, then that chunk byte by byte from a fresh decoder fed
 * the valid part before it (only on the error path; valid files never get here).
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const CHUNK = 65_536;
  let decoder = new TextDecoder('utf-8', { fatal: true });
  let chunkStart = 0;
  try {
    for (; chunkStart < bytes.length; chunkStart += CHUNK)
      decoder.decode(bytes.subarray(chunkStart, chunkStart + CHUNK), { stream: true });
    return leadByteOf(bytes, bytes.length); // every chunk decoded: a sequence is cut off at the very end
  } catch {
    // The error is in [chunkStart, chunkStart + CHUNK), or an incomplete sequence just before it.
  }
  const from = Math.max(0, chunkStart - 4);
  decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes.subarray(0, from), { stream: true });
  } catch {
    return from; // cannot happen: the bytes before the chunk decoded above
  }
  for (let index = from; index < Math.min(bytes.length, chunkStart + CHUNK); index++) {
    try {
      decoder.decode(bytes.subarray(index, index + 1), { stream: true });
    } catch {
      return leadByteOf(bytes, index);
    }
  }
  return leadByteOf(bytes, bytes.length);
}

/**
 * The decoder throws on the byte that proves a sequence wrong; when that sequence began a byte or
 * more earlier (a lead byte whose continuation never came), the lead is the first bad byte.
 */
function leadByteOf(bytes: Uint8Array, index: number): number {
  for (let start = index - 1; start >= 0 && start >= index - 3; start--) {
    const byte = bytes[start];
    if (byte === undefined || (byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return start + length > index ? start : index;
  }
  return index;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1 && index < end; index = bytes.indexOf(0x0a, index + 1)) count++;
  return count;
}
