/**
 * The watcher's state file: per realm and stream the cursor, and the detections already acted
 * on (so a restart never responds twice). Written whole to a temporary file and renamed over the
 * old one: a crash leaves the previous state or the new one, never half of either. Holds event
 * ids and times, and the realm's configuration as the watcher keeps it: realm settings, clients'
 * ids and scope lists, identity providers and their mappers, key-provider configs and the user
 * profile, with every config key that could hold a secret dropped (realm-parts.ts). Not secret,
 * but an attacker's map of the realm: written owner-only (0600), through a new file of a random
 * name (never an existing file or a planted symbolic link).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { InputError } from '../model/errors.ts';
import type { CursorState } from './cursor.ts';
import { RealmPartsSchema } from './realm-parts.ts';

const CursorSchema = Type.Object({
  floor: Type.Integer(),
  seen: Type.Array(Type.Tuple([Type.String(), Type.Integer()])),
});
const StateSchema = Type.Object({
  version: Type.Literal(1),
  cursors: Type.Record(Type.String(), CursorSchema),
  responded: Type.Array(Type.String()),
  /** Per realm: its configuration as the last admin event left it (realm-snapshot.ts). */
  snapshots: Type.Record(
    Type.String(),
    Type.Object({
      time: Type.Integer(),
      realm: Type.Record(Type.String(), Type.Unknown()),
      clients: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
      /** Absent in a state written before the watcher kept them: read again on the next start. */
      parts: Type.Optional(RealmPartsSchema),
      /** When the parts were read, when that was after `time` (read late, for a state file that had none). */
      partsTime: Type.Optional(Type.Integer()),
    }),
  ),
});
export type WatchState = Static<typeof StateSchema>;

/** How many acted-on detection ids are kept: the newest; older ones cannot come back (their events are behind the cursor). */
const RESPONDED_KEPT = 10_000;

export const cursorKey = (realm: string, stream: string) => `${realm}/${stream}`;

export function emptyState(): WatchState {
  return { version: 1, cursors: {}, responded: [], snapshots: {} };
}

export function loadState(file: string): WatchState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new InputError(
      `cannot read the state file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { file, keyPath: '--state' },
      'give a readable file, or a new path to start from --since',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(
      'the state file is not JSON',
      { file, keyPath: '--state' },
      'remove it to start again from --since (events in between are read again)',
    );
  }
  if (!Value.Check(StateSchema, parsed)) {
    throw new InputError(
      'the state file is not a realmguard watch state',
      { file, keyPath: '--state' },
      'remove it to start again from --since, or give the right file',
    );
  }
  return parsed;
}

export class StateFile {
  constructor(
    readonly file: string | undefined,
    readonly state: WatchState,
  ) {}

  cursor(key: string): CursorState | undefined {
    return this.state.cursors[key];
  }

  setCursor(key: string, cursor: CursorState): void {
    this.state.cursors[key] = cursor;
    this.save();
  }

  responded(id: string): boolean {
    return this.state.responded.includes(id);
  }

  markResponded(id: string): void {
    this.state.responded.push(id);
    if (this.state.responded.length > RESPONDED_KEPT)
      this.state.responded.splice(0, this.state.responded.length - RESPONDED_KEPT);
    this.save();
  }

  save(): void {
    if (!this.file) return;
    // 'wx' creates the file or fails: a name planted in advance (a symbolic link elsewhere) is never followed,
    // and mode 0600 always applies, since the file is always new.
    const temporary = `${this.file}.tmp-${process.pid}-${randomBytes(8).toString('hex')}`;
    try {
      writeFileSync(temporary, `${JSON.stringify(this.state)}\n`, { mode: 0o600, flag: 'wx' });
      renameSync(temporary, this.file);
    } catch (error) {
      // Our own half-written file goes; a name that was already taken (EEXIST) is not ours to remove.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temporary, { force: true });
      throw new InputError(
        `cannot write the state file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        { file: this.file, keyPath: '--state' },
        'give a path in a writable directory',
      );
    }
  }
}
