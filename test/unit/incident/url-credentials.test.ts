/** Credentials in the server URL are refused, and every message shows the URL without them (issue 10, item 3). */
import { describe, expect, it } from 'vitest';
import { authConfigFrom, checkRealmName, checkServerUrl, displayUrl } from '../../../keycloak/auth.ts';
import { InputError } from '../../../model/errors.ts';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.format();
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('server URL credentials', () => {
  it.each([
    ['http://user:pa55@127.0.0.1:8080', 'http://***@127.0.0.1:8080'],
    ['https://user@sso.example.com/', 'https://***@sso.example.com/'],
    ['https://:only-password@sso.example.com', 'https://***@sso.example.com'],
    ['HTTPS://u:p%40ss@sso.example.com/auth', 'HTTPS://***@sso.example.com/auth'],
    ['user:pa55@sso.example.com', '***@sso.example.com'],
    ['https://sso.example.com/a@b', 'https://sso.example.com/a@b'],
  ])('displayUrl(%j) = %j', (raw, shown) => {
    expect(displayUrl(raw)).toBe(shown);
  });

  it.each(['http://user:pa55@127.0.0.1:8080', 'https://user@sso.example.com', 'https://:pa55@sso.example.com'])(
    '%j is refused, without the credentials in the message',
    (raw) => {
      const message = messageOf(() => checkServerUrl(raw, false));
      expect(message).toMatch(
        /^KEYCLOAK_URL: the Keycloak URL '[a-z]+:\/\/\*\*\*@[^']+' carries credentials \(user:password@\)/,
      );
      expect(message).toContain('set KEYCLOAK_USER and KEYCLOAK_PASSWORD');
      expect(message).not.toContain('pa55');
      expect(message).not.toContain('user@');
    },
  );

  it('other URL problems never echo the user info either', () => {
    expect(messageOf(() => checkServerUrl('http://u:pa55@[broken', false))).not.toContain('pa55');
    expect(messageOf(() => checkServerUrl('ftp://u:pa55@host', false))).not.toContain('pa55');
    expect(messageOf(() => checkServerUrl('https://sso.example.com/?next=x', false))).toMatch(
      /has a query or fragment/,
    );
  });

  it('--auth-realm and KEYCLOAK_REALM are checked like --realm', () => {
    const env = { KEYCLOAK_URL: 'https://sso.example.com' };
    expect(messageOf(() => authConfigFrom(env, { authRealm: '..' }))).toMatch(
      /^--auth-realm: realm "\.\." cannot be used: the URL parser would resolve it/,
    );
    expect(messageOf(() => authConfigFrom({ ...env, KEYCLOAK_REALM: '.' }))).toMatch(
      /^KEYCLOAK_REALM: realm "\." cannot be used/,
    );
    expect(authConfigFrom({ ...env, KEYCLOAK_REALM: '%2e%2e' }).authRealm).toBe('%2e%2e');
    expect(() => checkRealmName('', '--realm')).toThrow(/it is empty/);
  });
});
