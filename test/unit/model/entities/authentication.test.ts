import { describe, expect, it } from 'vitest';
import { lineOf, loadExport } from './load-export.ts';

describe('export → authentication flows', () => {
  it('reads flows with their executions by priority, sub-flows by alias and configs resolved from their alias', () => {
    const loaded = loadExport({
      browserFlow: 'browser-with-otp',
      authenticationFlows: [
        {
          alias: 'browser-with-otp',
          topLevel: true,
          authenticationExecutions: [
            { authenticatorFlow: true, flowAlias: 'otp forms', requirement: 'ALTERNATIVE', priority: 20 },
            { authenticator: 'auth-cookie', authenticatorFlow: false, requirement: 'ALTERNATIVE', priority: 10 },
          ],
        },
        {
          alias: 'otp forms',
          topLevel: false,
          authenticationExecutions: [
            { authenticator: 'auth-username-password-form', requirement: 'REQUIRED', priority: 10 },
            {
              authenticator: 'conditional-user-role',
              requirement: 'REQUIRED',
              priority: 15,
              authenticatorConfig: 'admins only',
            },
            { authenticator: 'auth-otp-form', requirement: 'DISABLED', priority: 20 },
          ],
        },
      ],
      authenticatorConfig: [
        { alias: 'admins only', config: { condUserRole: 'realm-management.realm-admin', negate: false } },
      ],
    });
    expect(loaded.settings.authentication).toEqual({
      browserFlow: 'browser-with-otp',
      firstBrokerLoginFlow: 'first broker login',
      flows: [
        {
          alias: 'browser-with-otp',
          topLevel: true,
          executions: [
            { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
            { subFlow: 'otp forms', requirement: 'ALTERNATIVE' },
          ],
        },
        {
          alias: 'otp forms',
          topLevel: false,
          executions: [
            { authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
            {
              authenticator: 'conditional-user-role',
              requirement: 'REQUIRED',
              config: { condUserRole: 'realm-management.realm-admin', negate: 'false' },
            },
            { authenticator: 'auth-otp-form', requirement: 'DISABLED' },
          ],
        },
      ],
    });
    // executions are numbered in the order Keycloak runs them; each points at its own item
    const cookie = lineOf(loaded, ['authentication', 'flows', 'browser-with-otp', 'executions', '0']);
    const forms = lineOf(loaded, ['authentication', 'flows', 'browser-with-otp', 'executions', '1']);
    expect(cookie).toBeGreaterThan(forms!);
    expect(lineOf(loaded, ['authentication', 'browserFlow'])).toBe(3);
  });

  it('an unknown requirement runs as never (DISABLED); no flows in the file says nothing', () => {
    const loaded = loadExport({
      authenticationFlows: [
        { alias: 'x', authenticationExecutions: [{ authenticator: 'auth-otp-form', requirement: 'SOMETIMES' }] },
      ],
    });
    expect(loaded.settings.authentication?.flows[0]?.executions).toEqual([
      { authenticator: 'auth-otp-form', requirement: 'DISABLED' },
    ]);
    expect(loadExport({ browserFlow: 'browser' }).settings.authentication).toBeUndefined();
  });
});

describe('export → authentication flows, whatever order the source lists them in', () => {
  it('lists flows by alias (code points, as an export does), so the admin API and an export read alike', () => {
    const flows = ['browser', 'Browser - Conditional 2FA', 'clients', 'Account verification options'].map((alias) => ({
      alias,
    }));
    const { authentication } = loadExport({ authenticationFlows: flows }).settings;
    expect(authentication?.flows.map((flow) => flow.alias)).toEqual([
      'Account verification options',
      'Browser - Conditional 2FA',
      'browser',
      'clients',
    ]);
  });
});
