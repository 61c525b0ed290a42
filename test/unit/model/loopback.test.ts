/** The one loopback test behind the Keycloak URL checks and the redirect-URI rules and review. */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isPlainHttpToRemote, serverUrlProblem, uriScheme } from '../../../model/loopback.ts';

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['127.0.0.1.example.com', '127.attacker.example', '10.0.0.1', 'localhost.example.com', '[::2]', ''])(
    '%s is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('isPlainHttpToRemote', () => {
  it.each([
    'http://app.example.com/cb',
    'HTTP://app.example.com/cb',
    'http://127.0.0.1.nip.io/cb',
    'http://*.example.com/*',
    'http://[not-an-address/cb',
  ])('%s is plain http to a remote host', (uri) => {
    expect(isPlainHttpToRemote(uri)).toBe(true);
  });

  it.each([
    'http://localhost:3000/cb',
    'http://127.0.0.1:8080/cb',
    'http://[::1]:8080/cb',
    'https://app.example.com/cb',
    '/relative/cb',
    'com.example.app:/cb',
  ])('%s is not', (uri) => {
    expect(isPlainHttpToRemote(uri)).toBe(false);
  });
});

describe('serverUrlProblem', () => {
  it('accepts https anywhere, http on loopback, and http elsewhere only when allowed', () => {
    expect(serverUrlProblem('https://sso.example.com', false)).toBeUndefined();
    expect(serverUrlProblem('http://127.0.0.1:8080', false)).toBeUndefined();
    expect(serverUrlProblem('http://sso.example.com', false)).toEqual({ kind: 'plain-http', host: 'sso.example.com' });
    expect(serverUrlProblem('http://sso.example.com', true)).toBeUndefined();
  });

  it('names a URL that does not parse, and any other scheme', () => {
    expect(serverUrlProblem('sso', false)).toEqual({ kind: 'not-a-url' });
    expect(serverUrlProblem('ftp://sso.example.com', true)).toEqual({ kind: 'scheme', scheme: 'ftp:' });
  });
});

describe('uriScheme', () => {
  it('reads the scheme in lower case, none for a relative URI', () => {
    expect(uriScheme('HTTPS://x')).toBe('https');
    expect(uriScheme('com.example.app:/cb')).toBe('com.example.app');
    expect(uriScheme('/cb')).toBeUndefined();
  });
});
