/**
 * How the real Keycloak matches redirect and post-logout redirect URIs against wildcard
 * patterns: the facts behind policies/redirect-patterns.ts and the redirect-uri-wildcard rule.
 * Each case is one request: an authorization request (accepted: the login page; refused:
 * "Invalid parameter: redirect_uri") or an RP-initiated logout (accepted: a redirect or the
 * confirmation page; refused: "Invalid redirect uri").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { readPattern } from '../../../policies/redirect-patterns.ts';
import { adminClient, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KeycloakAdminClient;
let serverVersion: string;
const realm = uniqueRealmName('rg-redirects');

const PATTERNS = {
  patterns: ['https://*.example.com/cb', 'https://host*', 'https://exact.example.org/cb'],
  everyHttps: ['https://*'],
  logout: ['https://*.example.com/bye', 'https://lhost*'],
} as const;

beforeAll(async () => {
  admin = await adminClient();
  serverVersion = (await admin.serverInfo.find()).systemInfo?.version ?? '';
  await admin.realms.create({ realm, enabled: true });
  await admin.clients.create({
    realm,
    clientId: 'patterns',
    publicClient: true,
    redirectUris: [...PATTERNS.patterns],
    attributes: { 'post.logout.redirect.uris': PATTERNS.logout.join('##') },
  });
  await admin.clients.create({
    realm,
    clientId: 'every-https',
    publicClient: true,
    redirectUris: [...PATTERNS.everyHttps],
  });
});

afterAll(async () => {
  await admin.realms.del({ realm }).catch(() => undefined);
});

async function authorizationAccepts(clientId: string, redirectUri: string): Promise<boolean> {
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri,
  });
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/auth?${query.toString()}`, {
    redirect: 'manual',
  });
  const body = await response.text();
  const refused = body.includes('Invalid parameter: redirect_uri');
  // The login page or the refusal, nothing else: a third outcome would make the verdict meaningless.
  expect(response.status).toBe(refused ? 400 : 200);
  return !refused;
}

async function logoutAccepts(clientId: string, redirectUri: string): Promise<boolean> {
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: redirectUri });
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/logout?${query.toString()}`, {
    redirect: 'manual',
  });
  const refused = /Invalid redirect uri/i.test(await response.text());
  // Accepted: straight to the URI (no session to end) or the confirmation page.
  expect(refused ? [400] : [200, 302]).toContain(response.status);
  return !refused;
}

describe(`redirect URI patterns on the real Keycloak`, () => {
  it('is the version the rule reads as enforcing the host boundary', () => {
    // The expectations below are those of 26.4.13 / 26.6.3 / 26.7.0 and later (Keycloak issue #48430).
    expect(readPattern('https://host*', serverVersion)).toMatchObject({ kind: 'after-host', hostBoundary: 'enforced' });
  });

  it.each([
    ['https://*.example.com/cb', true, 'the pattern itself, compared literally'],
    ['https://a.example.com/cb', false, 'a real subdomain: the * in the host is no wildcard'],
    ['https://evil.example/cb', false, 'another host'],
  ])("'https://*.example.com/cb' with %s: accepted %s (%s)", async (uri, accepted) => {
    expect(readPattern('https://*.example.com/cb', serverVersion).kind).toBe('dead');
    expect(await authorizationAccepts('patterns', uri)).toBe(accepted);
  });

  it.each([
    ['https://host', true],
    ['https://host/', true],
    ['https://host/any/path', true],
    ['https://hostfoo/', false],
    ['https://host.evil.example/', false],
    ['https://host:8443/x', false],
  ])("'https://host*' with %s: accepted %s", async (uri, accepted) => {
    expect(await authorizationAccepts('patterns', uri)).toBe(accepted);
  });

  it.each([
    ['https://exact.example.org/cb', true],
    ['https://exact.example.org/cb/more', false],
  ])('an exact pattern with %s: accepted %s', async (uri, accepted) => {
    expect(readPattern('https://exact.example.org/cb', serverVersion).kind).toBe('exact');
    expect(await authorizationAccepts('patterns', uri)).toBe(accepted);
  });

  it.each(['https://anything.example/', 'https://evil.example/steal'])(
    "'https://*' accepts %s: every https URL",
    async (uri) => {
      expect(readPattern('https://*', serverVersion).kind).toBe('everything');
      expect(await authorizationAccepts('every-https', uri)).toBe(true);
    },
  );

  it.each([
    ['https://*.example.com/bye', true],
    ['https://a.example.com/bye', false],
    ['https://lhost/x', true],
    ['https://lhostfoo/', false],
    ['https://lhost.evil.example/', false],
  ])('post-logout redirect %s: accepted %s (the same matching as redirect URIs)', async (uri, accepted) => {
    expect(await logoutAccepts('patterns', uri)).toBe(accepted);
  });
});
