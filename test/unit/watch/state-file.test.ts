/**
 * The state file holds the realm's configuration as the watcher keeps it: it is written owner-only,
 * through a new temporary file of an unpredictable name, so a symbolic link planted where the old
 * name (`<file>.tmp-<pid>`) would be is never followed, and an old world-readable file is replaced
 * by a 0600 one.
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState, loadState, StateFile } from '../../../watch/state-file.ts';

const directory = () => mkdtempSync(join(tmpdir(), 'realmguard-state-'));

describe('StateFile.save', () => {
  it('does not follow a symbolic link planted at the predictable temporary name, and leaves no temporary file of its own', () => {
    const dir = directory();
    const file = join(dir, 'state.json');
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'untouched\n');
    const planted = `${file}.tmp-${process.pid}`;
    symlinkSync(victim, planted);

    new StateFile(file, emptyState()).save();

    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
    expect(loadState(file)).toEqual(emptyState());
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.tmp-' + String(process.pid), 'victim']);
  });

  it('leaves the state file owner-only (0600), also when it and a file at the predictable name were world-readable', () => {
    const file = join(directory(), 'state.json');
    writeFileSync(file, `${JSON.stringify(emptyState())}\n`, { mode: 0o644 });
    // Opened without 'wx', a file already there keeps its mode: 0600 applied only on creation.
    writeFileSync(`${file}.tmp-${process.pid}`, '', { mode: 0o644 });

    new StateFile(file, emptyState()).save();

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadState(file)).toEqual(emptyState());
  });
});
