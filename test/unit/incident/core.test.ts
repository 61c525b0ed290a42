/** The request core's rules, with the request itself replaced by a function that fails on cue. */
import { describe, expect, it } from 'vitest';
import { ActionRun } from '../../../incident/action-run.ts';
import { createContext } from '../../../incident/context.ts';
import { IncidentHttp } from '../../../keycloak/core.ts';
import { HttpStatusError, IncidentError } from '../../../keycloak/errors.ts';
import { change, read } from '../../../keycloak/request-spec.ts';

function http(retries = 3): IncidentHttp {
  return new IncidentHttp({ url: 'http://127.0.0.1:1', authRealm: 'master' }, { retries, minRetryDelayMs: 1 });
}

function failing(times: number, status: number) {
  let calls = 0;
  const run = async () => {
    calls++;
    if (calls <= times) throw new HttpStatusError(status, '');
    return 'ok';
  };
  return { run, calls: () => calls };
}

describe('IncidentHttp.send', () => {
  it('retries an idempotent request on 5xx and 429', async () => {
    const flaky = failing(2, 503);
    expect(await http().send(read('/admin/realms/r/users', 'view-users'), 'r', flaky.run)).toBe('ok');
    expect(flaky.calls()).toBe(3);
    const limited = failing(1, 429);
    expect(await http().send(change('DELETE', '/admin/realms/r/sessions/s', 'manage-users'), 'r', limited.run)).toBe(
      'ok',
    );
  });

  it('never retries a non-idempotent POST', async () => {
    const flaky = failing(1, 503);
    await expect(
      http().send(change('POST', '/admin/realms/r/components', 'manage-realm'), 'r', flaky.run),
    ).rejects.toBeInstanceOf(IncidentError);
    expect(flaky.calls()).toBe(1);
  });

  it('does not retry a 4xx', async () => {
    const denied = failing(5, 403);
    await expect(http().send(read('/admin/realms/r/keys', 'view-realm'), 'r', denied.run)).rejects.toThrow(
      /lacks the realm-management role 'view-realm'/,
    );
    expect(denied.calls()).toBe(1);
  });

  it('gives up after the retry budget', async () => {
    const down = failing(10, 502);
    await expect(http(2).send(read('/x', 'view-users'), 'r', down.run)).rejects.toThrow(/^502 for GET \/x/);
    expect(down.calls()).toBe(3);
  });

  it('authenticates again once after a 401, even for a POST', async () => {
    const expired = failing(1, 401);
    expect(await http(0).send(change('POST', '/admin/realms/r/components', 'manage-realm'), 'r', expired.run)).toBe(
      'ok',
    );
    expect(expired.calls()).toBe(2);
    const wrong = failing(5, 401);
    await expect(http(0).send(read('/x', 'view-users'), 'r', wrong.run)).rejects.toThrow(/^401 Unauthorized/);
    expect(wrong.calls()).toBe(2);
  });
});

describe('ActionRun in a dry run', () => {
  it('lists a state-changing request without sending it, and sends reads', async () => {
    const run = new ActionRun(createContext(http(), 'r', { dryRun: true }), 'logout-user');
    let sent = 0;
    const send = async () => {
      sent++;
      return 'answer';
    };
    expect(await run.change(change('POST', '/admin/realms/r/users/u/logout', 'manage-users'), send)).toBeUndefined();
    expect(await run.read(read('/admin/realms/r/users/u', 'view-users'), send)).toBe('answer');
    expect(sent).toBe(1);
    expect(run.result().requests).toEqual([
      { method: 'POST', path: '/admin/realms/r/users/u/logout', changesState: true, sent: false },
      { method: 'GET', path: '/admin/realms/r/users/u', changesState: false, sent: true },
    ]);
  });
});
