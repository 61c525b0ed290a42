/**
 * The command as a user runs it: exit codes, confirmation, secrets kept out of argv, output and
 * the journal, bulk runs with a summary and --resume.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keycloak } from '../../support/keycloak.ts';
import { INTROSPECTOR_SECRET, RealmFixture } from './support/realm-fixture.ts';
import { adminEnv, runCli, runCliOnTerminal } from './support/run-cli.ts';

let fx: RealmFixture;
let dir: string;
beforeAll(async () => {
  fx = await RealmFixture.create('incident-cli');
  dir = mkdtempSync(join(tmpdir(), 'realmguard-incident-cli-'));
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

function journalLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('incident CLI', () => {
  it('logout-user: done, evidence printed, and no token or secret in the output or the journal', async () => {
    const userId = await fx.createUser('cara');
    const tokens = await fx.login('cara', 'web');
    await fx.login('cara', 'api', true);
    const tokenFile = join(dir, 'suspect.token');
    writeFileSync(tokenFile, tokens.access_token);
    const journal = join(dir, 'logout.jsonl');
    const run = await runCli(
      [
        'logout-user',
        '--realm',
        fx.realm,
        '--user',
        'cara',
        '--token-file',
        tokenFile,
        '--introspect-client-id',
        'introspector',
        '--journal',
        journal,
      ],
      {
        env: adminEnv({ REALMGUARD_INTROSPECT_CLIENT_SECRET: INTROSPECTOR_SECRET }),
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`logout-user · realm ${fx.realm} · done`);
    expect(run.stdout).toContain('✓ offline sessions left: 0');
    expect(run.stdout).toContain('validates JWTs locally');
    expect(await fx.sessionCounts(userId)).toEqual({ online: 0, offline: 0 });
    const text = readFileSync(journal, 'utf8');
    const [entry] = journalLines(journal);
    expect(entry).toMatchObject({
      action: 'logout-user',
      realm: fx.realm,
      result: 'ok',
      actor: `user '${keycloak().adminUser}' (realm master)`,
    });
    for (const secret of [tokens.access_token, tokens.refresh_token, INTROSPECTOR_SECRET, keycloak().adminPassword]) {
      expect(text).not.toContain(secret);
      expect(run.stdout).not.toContain(secret);
    }
  });

  it('rotate-client-secret --show-secret prints the secret once on stdout, never into the journal', async () => {
    const journal = join(dir, 'secret.jsonl');
    const run = await runCli([
      'rotate-client-secret',
      '--realm',
      fx.realm,
      '--client',
      'api',
      '--show-secret',
      '--journal',
      journal,
    ]);
    expect(run.code).toBe(0);
    const secret = /new secret: (\S+)/.exec(run.stdout)?.[1];
    expect(secret).toBeDefined();
    expect(run.stdout.split(secret!).length - 1).toBe(1);
    expect(readFileSync(journal, 'utf8')).not.toContain(secret!);
    const without = await runCli([
      'rotate-client-secret',
      '--realm',
      fx.realm,
      '--client',
      'api',
      '--journal',
      journal,
    ]);
    expect(without.code).toBe(0);
    expect(without.stdout).toContain('new secret not shown');
    expect(without.stdout).not.toMatch(/new secret: /);
  });

  it('realm-wide without a terminal and without --yes: exit 2, nothing sent', async () => {
    await fx.createUser('nora');
    const web = await fx.login('nora', 'web');
    const journal = join(dir, 'realm.jsonl');
    const run = await runCli(['logout-realm', '--realm', fx.realm, '--journal', journal]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/this is realm-wide and there is no terminal to confirm on — pass --yes/);
    expect(await fx.refreshStatus(web.refresh_token)).toBe(200);
    const yes = await runCli(['logout-realm', '--realm', fx.realm, '--yes', '--journal', journal]);
    expect(yes.code).toBe(0);
    expect(await fx.refreshStatus(web.refresh_token)).toBe(400);
  });

  it('on a terminal, a realm-wide action asks first: no sends nothing, yes goes ahead', async () => {
    await fx.createUser('tina');
    const web = await fx.login('tina', 'web');
    const journal = join(dir, 'tty.jsonl');
    const no = await runCliOnTerminal(['logout-realm', '--realm', fx.realm, '--journal', journal], 'n');
    expect(no.stdout).toContain(`Log out EVERY session of realm '${fx.realm}'?`);
    expect(no.stdout).toContain('not confirmed, nothing sent');
    expect(no.code).toBe(1);
    expect(await fx.refreshStatus(web.refresh_token)).toBe(200);
    const yes = await runCliOnTerminal(['logout-realm', '--realm', fx.realm, '--journal', journal], 'y');
    expect(yes.stdout).toContain(`logout-realm · realm ${fx.realm} · done`);
    expect(yes.code).toBe(0);
    expect(await fx.refreshStatus(web.refresh_token)).toBe(400);
  });

  it('dry run prints the requests it would send and exits 0', async () => {
    const run = await runCli(['not-before', '--realm', fx.realm, '--dry-run', '--journal', join(dir, 'dry.jsonl')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('DRY RUN: nothing changed');
    expect(run.stdout).toContain(`PUT    /admin/realms/${fx.realm}`);
    expect(run.stdout).toContain(`POST   /admin/realms/${fx.realm}/push-revocation`);
    expect(journalLines(join(dir, 'dry.jsonl'))[0]).toMatchObject({ result: 'dry-run' });
  });

  it('usage errors exit 2: a token or secret on argv, plain http to a remote host, neither --user nor --users-file', async () => {
    const token = await runCli(['revoke-token', '--realm', fx.realm, '--token', 'eyJhbGciOi.abc.def']);
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/--token is refused: a secret on the command line leaks/);
    const secret = await runCli([
      'sessions',
      '--realm',
      fx.realm,
      '--user',
      'cara',
      '--client-secret',
      'shh-0123456789',
    ]);
    expect(secret.code).toBe(2);
    const http = await runCli(['sessions', '--realm', fx.realm, '--user', 'cara', '--url', 'http://sso.example.com']);
    expect(http.code).toBe(2);
    expect(http.stderr).toMatch(/refusing plain http:\/\/ to sso.example.com/);
    const none = await runCli(['logout-user', '--realm', fx.realm]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give either --user or --users-file/);
  });

  it('an action that fails exits 1 with one line', async () => {
    const run = await runCli([
      'logout-user',
      '--realm',
      fx.realm,
      '--user',
      'ghost',
      '--journal',
      join(dir, 'ghost.jsonl'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `realmguard: logout-user failed: unknown user 'ghost' in realm '${fx.realm}': no user has that username or id\n`,
    );
  });

  it('revoke-token reads the token from stdin', async () => {
    await fx.createUser('rick');
    const tokens = await fx.login('rick', 'web');
    const run = await runCli(
      ['revoke-token', '--realm', fx.realm, '--token-file', '-', '--journal', join(dir, 'revoke.jsonl')],
      { stdin: `${tokens.refresh_token}\n` },
    );
    expect(run.code).toBe(0);
    expect(await fx.refreshStatus(tokens.refresh_token)).toBe(400);
    expect(readFileSync(join(dir, 'revoke.jsonl'), 'utf8')).not.toContain(tokens.refresh_token);
  });
});

describe('bulk', () => {
  it('one bad user: the summary names it, exit 1; --resume finishes only what is left', async () => {
    const names = ['bulk-a', 'bulk-b', 'bulk-c', 'bulk-d'];
    const ids: string[] = [];
    for (const name of names) {
      ids.push(await fx.createUser(name));
      await fx.login(name, 'web');
      await fx.login(name, 'web', true);
    }
    const list = join(dir, 'users.txt');
    writeFileSync(list, `# incident 42\n${names[0]}\n${names[1]}\nbulk-late\n${ids[2]}\n${names[3]}\n`);
    const journal = join(dir, 'bulk.jsonl');
    const first = await runCli([
      'contain-user',
      '--realm',
      fx.realm,
      '--users-file',
      list,
      '--concurrency',
      '3',
      '--journal',
      journal,
    ]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('contain-user: 5 listed · 4 done · 1 failed · 0 skipped');
    expect(first.stdout).toContain(`  bulk-late: logout-user: unknown user 'bulk-late' in realm '${fx.realm}'`);
    for (const id of ids) expect(await fx.sessionCounts(id)).toEqual({ online: 0, offline: 0 });
    expect(
      journalLines(journal)
        .map((entry) => [entry.input, entry.result])
        .sort(),
    ).toEqual(
      [
        [names[0], 'ok'],
        [names[1], 'ok'],
        ['bulk-late', 'failed'],
        [ids[2], 'ok'],
        [names[3], 'ok'],
      ].sort(),
    );

    const lateId = await fx.createUser('bulk-late');
    await fx.login('bulk-late', 'web');
    const resumed = await runCli(
      ['contain-user', '--realm', fx.realm, '--users-file', '-', '--resume', journal, '--journal', journal],
      { stdin: readFileSync(list, 'utf8') },
    );
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('contain-user: 5 listed · 1 done · 0 failed · 4 skipped');
    expect(await fx.sessionCounts(lateId)).toEqual({ online: 0, offline: 0 });
    // Each user's token version went up exactly once across both runs.
    for (const id of [...ids, lateId])
      expect((await fx.kc.users.findOne({ realm: fx.realm, id }))?.attributes?.token_version).toEqual(['1']);
  });
});
