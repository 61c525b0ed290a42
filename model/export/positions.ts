/**
 * Source positions of one realm of a parsed export, found when a finding, a diff or an error
 * asks for them. Recording a position for every field cost most of the load of a big export
 * (about 640 of 940 ms at 5,000 clients, plus the memory of every position and of the offset
 * index behind it), while a run asks about a handful. So nothing is resolved up front:
 *
 * - an entity collection (clients, key providers, client policies) keeps only the natural ids
 *   of its items, in file order; a model path below an item is translated to the document path
 *   of that item when asked, through `tails`, which says which fields a source position exists
 *   for (the same fields the adapter reads, so a position never points at a key it ignored);
 * - a realm-level field maps to its representation key once, for all realms (REALM_DOC_KEYS);
 * - any other adapter states where it read something with `mark(modelPath, docPath)`: the model
 *   path's key and the document path as given, resolved only when asked (joining every document
 *   path up front cost as much as the rest of the adapter's marks: 10,000 client roles at 5,000
 *   clients).
 *
 * It keeps the file's name and positions, not the parsed value: the value may be collected once
 * the model is built, while rules run and ask for positions.
 *
 * Where two items share an id (key providers may), the last one that has the field wins, as it
 * did when every position was recorded in file order.
 */
import { pathKey, type FieldPath, type SourcePosition, type SourcePositions } from '../realm-settings.ts';
import type { DocPath, DocPositions } from '../source/doc-positions.ts';
import type { ParsedText } from '../source/parse-text.ts';

/**
 * The document paths (below an item) a model path below it may have been read from, in the order
 * the adapter reads them; none when that field has no position of its own.
 */
export type TailToDoc = (tail: readonly string[]) => readonly DocPath[];

interface Collection {
  /** Document path of the list, below the realm. */
  list: DocPath;
  /** Natural id of each item, in file order. */
  ids: readonly string[];
  tails: TailToDoc;
  /** id → indexes, built on the first question. */
  indexes?: Map<string, number[]>;
}

const SEPARATOR = '\u0000';

export class ExportPositions implements SourcePositions {
  /** Model path key → document path below the realm. */
  private readonly marks = new Map<string, DocPath>();
  private readonly collections = new Map<string, Collection>();
  private readonly file: { name: string; positions: DocPositions } | undefined;

  /**
   * @param realmFields model field → representation key, for the realm's own fields.
   * @param parsed the file; without one (a live realm) nothing has a position.
   * @param base where the realm sits in the document (its index when the file lists realms).
   */
  constructor(
    private readonly realmFields: ReadonlyMap<string, string>,
    parsed: ParsedText | undefined,
    private readonly base: DocPath,
  ) {
    this.file = parsed && { name: parsed.file, positions: parsed.positions };
  }

  /** Records that the field at `modelPath` was read from `docPath` (below the realm). */
  mark(modelPath: FieldPath, docPath: DocPath): void {
    if (this.file) this.marks.set(pathKey(modelPath), docPath);
  }

  /**
   * Declares a model collection (e.g. 'clients') whose item with id `ids[i]` was read from item
   * i of the document list `list`; `tails` maps the fields below an item.
   */
  collection(name: string, list: DocPath, ids: readonly string[], tails: TailToDoc): void {
    if (this.file) this.collections.set(name, { list, ids, tails });
  }

  get size(): number {
    return this.marks.size;
  }

  keys(): Iterable<string> {
    return this.marks.keys();
  }

  get(key: string): SourcePosition | undefined {
    if (!this.file) return undefined;
    const marked = this.marks.get(key);
    if (marked !== undefined) return this.at(marked);
    const path = key.split(SEPARATOR);
    const [head = '', id] = path;
    const collection = this.collections.get(head);
    if (collection && id !== undefined) return this.inCollection(collection, id, path.slice(2));
    if (path.length === 1) {
      const docKey = this.realmFields.get(head);
      return docKey === undefined ? undefined : this.at([docKey]);
    }
    return undefined;
  }

  private inCollection(collection: Collection, id: string, tail: readonly string[]): SourcePosition | undefined {
    const candidates = collection.tails(tail);
    if (candidates.length === 0) return undefined;
    const indexes = (collection.indexes ??= indexById(collection.ids)).get(id) ?? [];
    // The last item, and within it the last candidate key, that the file has: what was recorded last before.
    for (let item = indexes.length - 1; item >= 0; item--) {
      for (let choice = candidates.length - 1; choice >= 0; choice--) {
        const position = this.at([...collection.list, indexes[item] ?? -1, ...(candidates[choice] ?? [])]);
        if (position) return position;
      }
    }
    return undefined;
  }

  /** The position of `docPath` below the realm. */
  private at(docPath: DocPath): SourcePosition | undefined {
    const file = this.file;
    const position = file?.positions.get(this.base.length === 0 ? docPath : [...this.base, ...docPath]);
    return file && position ? { file: file.name, line: position.line, column: position.column } : undefined;
  }
}

function indexById(ids: readonly string[]): Map<string, number[]> {
  const indexes = new Map<string, number[]>();
  ids.forEach((id, index) => {
    const known = indexes.get(id);
    if (known) known.push(index);
    else indexes.set(id, [index]);
  });
  return indexes;
}
