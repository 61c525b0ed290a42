/**
 * bin/realmguard.js and package.json's engines agree on the Node.js version because the command
 * reads engines.node: one fact. Here, the command under a minimum this Node does not meet refuses
 * to run (exit 2, naming the version), and the real minimum is one this project's Node meets.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('bin/realmguard.js and engines.node', () => {
  it('engines.node names a minimum major.minor that the Node running the project meets', async () => {
    const { engines } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    const [, major, minor] = /^>=(\d+)\.(\d+)$/.exec(engines.node) ?? [];
    expect(
      major,
      `engines.node '${engines.node}' is not of the form >=MAJOR.MINOR that bin/realmguard.js reads`,
    ).toBeDefined();
    const [ownMajor, ownMinor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(ownMajor > Number(major) || (ownMajor === Number(major) && ownMinor >= Number(minor))).toBe(true);
  });

  it('the command refuses a Node.js older than engines.node, exit 2, naming the minimum', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'realmguard-engines-'));
    try {
      await mkdir(join(copy, 'bin'));
      await copyFile(join(root, 'bin/realmguard.js'), join(copy, 'bin/realmguard.js'));
      await writeFile(join(copy, 'package.json'), JSON.stringify({ type: 'module', engines: { node: '>=999.1' } }));
      const failure = await exec(process.execPath, [join(copy, 'bin/realmguard.js'), '--version']).then(
        () => undefined,
        (error: unknown) => error as { code: number; stderr: string; stdout: string },
      );
      expect(failure?.code).toBe(2);
      expect(failure?.stderr).toBe(`realmguard: Node.js 999.1 or later is required (this is ${process.version}).\n`);
      expect(failure?.stdout).toBe('');
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
