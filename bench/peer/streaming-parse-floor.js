// The floor of a streaming loader, for the peer bench: reads a realm export in 1 MiB chunks (never
// the whole file at once) and JSON.parses each item of the realm's lists (clients, users, roles…)
// on its own, then drops it. It checks nothing and builds no model: whatever a loader that never
// holds the whole text or tree does on top of this, it costs at least this CPU and this memory.
// Plain JavaScript run by node, so its start costs what `node -e 0` does. Prints how many items it
// parsed (the bench checks it did the work).
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CURLY_OPEN = 0x7b;
const SQUARE_OPEN = 0x5b;
const CURLY_CLOSE = 0x7d;
const SQUARE_CLOSE = 0x5d;
/** An item of a list of the realm: root object (1) → list (2) → item (3). */
const ITEM_DEPTH = 3;

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node streaming-parse-floor.js EXPORT.json\n');
  process.exit(2);
}

const descriptor = openSync(file, 'r');
const chunk = Buffer.allocUnsafe(CHUNK);
/** Whether each open container is a list, outermost first. */
const isList = [];
let inString = false;
/** Backslashes just before the chunk's end, inside a string: an odd count escapes the next byte. */
let trailingBackslashes = 0;
/** The open item's bytes from earlier chunks, and where it starts in this one (-1: none open). */
let itemParts = [];
let itemStart = -1;
let items = 0;

for (
  let read = readSync(descriptor, chunk, 0, CHUNK, null);
  read > 0;
  read = readSync(descriptor, chunk, 0, CHUNK, null)
) {
  let index = 0;
  while (index < read) {
    if (inString) {
      const quote = chunk.indexOf(QUOTE, index);
      if (quote === -1 || quote >= read) {
        let run = 0;
        while (run < read - index && chunk[read - 1 - run] === BACKSLASH) run++;
        trailingBackslashes = run === read - index ? trailingBackslashes + run : run;
        break;
      }
      let run = 0;
      while (quote - 1 - run >= index && chunk[quote - 1 - run] === BACKSLASH) run++;
      if (quote - run === index) run += trailingBackslashes;
      trailingBackslashes = 0;
      index = quote + 1;
      if (run % 2 === 0) inString = false;
      continue;
    }
    const byte = chunk[index];
    if (byte === QUOTE) {
      inString = true;
      trailingBackslashes = 0;
    } else if (byte === CURLY_OPEN || byte === SQUARE_OPEN) {
      isList.push(byte === SQUARE_OPEN);
      if (isList.length === ITEM_DEPTH && isList[ITEM_DEPTH - 2]) itemStart = index;
    } else if (byte === CURLY_CLOSE || byte === SQUARE_CLOSE) {
      if (isList.length === ITEM_DEPTH && (itemStart >= 0 || itemParts.length > 0)) {
        const tail = chunk.subarray(Math.max(itemStart, 0), index + 1);
        const text =
          itemParts.length === 0 ? tail.toString('utf8') : Buffer.concat([...itemParts, tail]).toString('utf8');
        JSON.parse(text);
        items++;
        itemParts = [];
        itemStart = -1;
      }
      isList.pop();
    }
    index++;
  }
  // An item still open at the chunk's end: keep its bytes (a copy: the chunk is reused).
  if (itemStart >= 0 || itemParts.length > 0) {
    itemParts.push(Buffer.from(chunk.subarray(Math.max(itemStart, 0), read)));
    itemStart = -1;
  }
}
closeSync(descriptor);
process.stdout.write(`${items}\n`);
