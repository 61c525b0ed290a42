/**
 * The incident actions as a table (cli/incident/actions/): every row is a subcommand, in table
 * order; exactly the realm-wide rows ask first; and runIncidentAction — the command as a function —
 * refuses bad option combinations and unconfirmed realm-wide actions before anything reaches the
 * server (a local server counts what arrives). What the actions send is proven on the real Keycloak
 * in test/integration/incident/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../../cli/main.ts';
import type { IncidentAction } from '../../../cli/incident/action.ts';
import { INCIDENT_ACTIONS } from '../../../cli/incident/actions/index.ts';
import { runIncidentAction } from '../../../cli/incident/run.ts';
import type { CommonOptions } from '../../../cli/incident/setup.ts';
import { InputError } from '../../../model/errors.ts';
import { startServer, tokenAnswer, type FakeServer } from '../incident/support/fake-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'realmguard-incident-table-'));
let server: FakeServer;
beforeAll(async () => {
  server = await startServer(tokenAnswer);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function action(name: string): IncidentAction {
  const row = INCIDENT_ACTIONS.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no incident action '${name}'`);
  return row;
}

/** The options commander would hand over for `--realm shop`, with its defaults. */
function options(extra: Record<string, unknown> = {}): CommonOptions {
  return {
    realm: 'shop',
    url: server.url,
    timeout: 15_000,
    retries: 3,
    maxResponseMib: 64,
    journal: join(dir, 'journal.jsonl'),
    concurrency: 8,
    algorithm: 'RS256',
    ...extra,
  } as CommonOptions;
}

const env = { KEYCLOAK_USER: 'admin', KEYCLOAK_PASSWORD: 'not-used' };

describe('incident actions as a table', () => {
  it('every row is a subcommand of `realmguard incident`, in table order, each name once', async () => {
    const program = await buildProgram(['incident']);
    const incident = program.commands.find((command) => command.name() === 'incident');
    expect(incident?.commands.map((command) => command.name())).toEqual(INCIDENT_ACTIONS.map(({ name }) => name));
    expect(new Set(INCIDENT_ACTIONS.map(({ name }) => name)).size).toBe(INCIDENT_ACTIONS.length);
  });

  it('exactly the realm-wide actions ask first', () => {
    const asks = INCIDENT_ACTIONS.filter((row) => row.confirm?.(options() as never) !== undefined).map(
      ({ name }) => name,
    );
    expect(asks).toEqual(['logout-realm', 'not-before', 'rotate-keys', 'contain-realm']);
    // not-before for one client is not realm-wide.
    expect(action('not-before').confirm?.(options({ client: 'shop-web' }) as never)).toBeUndefined();
  });

  it.each([
    ['logout-realm', {}, /realm-wide and there is no terminal to confirm on/, '--yes'],
    ['rotate-client-secret', { client: 'shop-web', force: true }, /--force applies to --secret-file/, '--force'],
    ['logout-user', {}, /give either --user or --users-file/, '--user'],
    ['contain-user', { user: 'alice', resume: join(dir, 'old.jsonl') }, /--resume applies to --users-file/, '--resume'],
  ])('%s: refused before anything reaches the server', async (name, extra, message, keyPath) => {
    const before = server.log.length;
    const error: unknown = await runIncidentAction(action(name), options(extra), env).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).location.keyPath).toBe(keyPath);
    expect(server.log.slice(before)).toEqual([]);
  });
});
