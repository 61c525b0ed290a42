/**
 * The Keycloak the tests and the demo start is stopped whatever happens: here `npm run keycloak`
 * (scripts/keycloak.ts) is started as a user would, then interrupted with Ctrl-C (SIGINT); no
 * process of its group — kc.sh or the JVM — may survive.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireJava, PrerequisiteError } from '../../scripts/lib/keycloak-server.ts';

function processesListening(port: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((line) => line.includes(`--http-port=${port}`) && !line.includes('ps -eo'));
}

describe('the Keycloak harness', () => {
  it('stops kc.sh and the JVM when its process is interrupted', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('scripts/keycloak.ts')], {
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setInterval(() => {
        const match = /export KEYCLOAK_URL=(\S+)/.exec(output);
        if (match?.[1]) {
          clearInterval(timer);
          resolveUrl(match[1]);
        }
        if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`scripts/keycloak.ts exited early: ${output}`));
        }
      }, 250);
    });
    const port = new URL(url).port;
    expect((await fetch(`${url}/realms/master/.well-known/openid-configuration`)).ok).toBe(true);
    expect(processesListening(port).length).toBeGreaterThan(0);
    // The admin password goes to a 0600 file for `source`, never to the terminal.
    const envFile = /source (\S+)/.exec(output)?.[1] ?? '';
    const password = /KEYCLOAK_PASSWORD=(\S+)/.exec(readFileSync(envFile, 'utf8'))?.[1] ?? '';
    expect(password.length).toBeGreaterThan(8);
    expect(output).not.toContain(password);
    expect(statSync(envFile).mode & 0o077).toBe(0);

    child.kill('SIGINT');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
    // The group is killed with SIGKILL on interrupt; give the kernel a moment to reap it.
    for (let attempt = 0; attempt < 40 && processesListening(port).length > 0; attempt++) {
      await new Promise((wait) => setTimeout(wait, 250));
    }
    expect(processesListening(port)).toEqual([]);
    expect(existsSync(envFile)).toBe(false);
    await expect(fetch(`${url}/realms/master`)).rejects.toThrow();
  }, 300_000);

  it('says what to install when no Java runtime is there', () => {
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = '/nonexistent-java-home';
    try {
      expect(() => requireJava()).toThrow(PrerequisiteError);
      expect(() => requireJava()).toThrow(
        /Keycloak needs a Java runtime .*apt-get install openjdk-17-jre-headless.*JAVA_HOME/,
      );
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });
});
