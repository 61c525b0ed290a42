/**
 * What the SAML client and identity-provider rules say about Keycloak, shown on the real server:
 * the defaults a new SAML client or identity provider gets, how a SAML client's redirect URIs are
 * matched, what Keycloak signs in a SAML response, what it sends to an identity provider, and
 * what its first broker login flow does. Each test names the rule whose text it backs.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import type { ClientSettings, RealmSettings } from '../../../model/realm-settings.ts';
import { readLiveRealm } from '../../../model/live.ts';
import { readPattern } from '../../../policies/redirect-patterns.ts';
import { findingsOf, runRules } from '../../../policies/run.ts';
import samlAssertionEncryption from '../../../policies/rules/clients/saml-assertion-encryption.ts';
import samlAssertionSignature from '../../../policies/rules/clients/saml-assertion-signature.ts';
import samlClientSignature from '../../../policies/rules/clients/saml-client-signature.ts';
import samlOneTimeUse from '../../../policies/rules/clients/saml-one-time-use.ts';
import samlSignatureAlgorithm from '../../../policies/rules/clients/saml-signature-algorithm.ts';
import type { Rule } from '../../../policies/define-rule.ts';
import { clientSettings, hardenedRealm, loaded, NOW } from '../../support/fixtures.ts';
import { adminClient, keycloak, uniqueRealmName } from '../../support/keycloak.ts';
import { adminLiveSource } from '../../support/live-source.ts';

let admin: KeycloakAdminClient;
let serverVersion: string;
const realm = uniqueRealmName('rg-idp-saml');
const USER = { username: 'saml-user', password: 'saml-pw-1234' };
const APP_REDIRECT = 'https://app.example.com/cb';
const EXTERNAL = 'https://idp.invalid';
const SAML_SP_ENTITY_ID = 'https://kc.example.com';
const OIDC_ENDPOINTS = { authorizationUrl: `${EXTERNAL}/auth`, tokenUrl: `${EXTERNAL}/token`, clientId: 'kc' };

beforeAll(async () => {
  admin = await adminClient();
  serverVersion = (await admin.serverInfo.find()).systemInfo?.version ?? '';
  await admin.realms.create({ realm, enabled: true });
  await admin.users.create({
    realm,
    username: USER.username,
    enabled: true,
    email: 'saml-user@example.com',
    emailVerified: true,
    firstName: 'Saml',
    lastName: 'User',
    credentials: [{ type: 'password', value: USER.password, temporary: false }],
  });
  // SAML clients: two as Keycloak makes them, the others accepting unsigned requests so a test can write them.
  const unsignedRequests = { 'saml.client.signature': 'false' };
  await admin.clients.create({ realm, clientId: 'sp-default', protocol: 'saml' });
  await admin.clients.create({ realm, clientId: 'sp-open-signed', protocol: 'saml', redirectUris: ['*'] });
  await admin.clients.create({
    realm,
    clientId: 'sp-patterns',
    protocol: 'saml',
    redirectUris: ['https://host*', 'https://sp.example.com/acs/*', 'https://*.example.com/cb'],
    attributes: unsignedRequests,
  });
  await admin.clients.create({
    realm,
    clientId: 'sp-open',
    protocol: 'saml',
    redirectUris: ['*'],
    attributes: unsignedRequests,
  });
  await admin.clients.create({
    realm,
    clientId: 'sp-none',
    protocol: 'saml',
    redirectUris: [],
    attributes: unsignedRequests,
  });
  await admin.clients.create({
    realm,
    clientId: 'sp-login',
    protocol: 'saml',
    redirectUris: ['https://sp.example.com/acs'],
    attributes: unsignedRequests,
  });
  await admin.clients.create({
    realm,
    clientId: 'sp-login-hardened',
    protocol: 'saml',
    redirectUris: ['https://sp.example.com/acs'],
    attributes: { ...unsignedRequests, 'saml.assertion.signature': 'true', 'saml.onetimeuse.condition': 'true' },
  });
  await admin.clients.create({ realm, clientId: 'app', publicClient: true, redirectUris: [APP_REDIRECT] });
});

afterAll(async () => {
  await admin.realms.del({ realm }).catch(() => undefined);
});

/** A cookie-carrying browser of one: enough for Keycloak's login and broker redirects. */
function browser() {
  // Keyed by path and name: two realms on one host each set their own AUTH_SESSION_ID, scoped to their path.
  const cookies = new Map<string, { path: string; name: string; value: string }>();
  return async (url: string, init: RequestInit = {}) => {
    const { pathname } = new URL(url);
    const sent = [...cookies.values()].filter((cookie) => pathname.startsWith(cookie.path));
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: sent.map(({ name, value }) => `${name}=${value}`).join('; '),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      const path =
        /^\s*path=(.*)$/i.exec(attributes.find((attribute) => /^\s*path=/i.test(attribute)) ?? '')?.[1] ?? '/';
      const name = pair.slice(0, at).trim();
      cookies.set(`${path} ${name}`, { path, name, value: pair.slice(at + 1) });
    }
    return response;
  };
}

/** An unsigned AuthnRequest by the HTTP-Redirect binding, asking for an answer at `acs`. */
function authnRequestUrl(clientId: string, acs: string): string {
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="_${crypto.randomUUID()}" Version="2.0" IssueInstant="${new Date().toISOString()}"` +
    ` AssertionConsumerServiceURL="${acs}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
    `<saml:Issuer>${clientId}</saml:Issuer></samlp:AuthnRequest>`;
  const query = new URLSearchParams({ SAMLRequest: deflateRawSync(Buffer.from(xml)).toString('base64') });
  return `${keycloak().url}/realms/${realm}/protocol/saml?${query.toString()}`;
}

/** Whether Keycloak takes `acs` for this SAML client: the login page, or "Invalid redirect uri". */
async function samlAccepts(clientId: string, acs: string): Promise<boolean> {
  const response = await fetch(authnRequestUrl(clientId, acs), { redirect: 'manual' });
  const body = await response.text();
  const refused = body.includes('Invalid redirect uri');
  expect(response.status).toBe(refused ? 400 : 200); // no third outcome
  return !refused;
}

/** Logs USER in on the login page at `url`; returns the page Keycloak answers with (its auto-posting SAML form). */
async function logIn(get: ReturnType<typeof browser>, url: string): Promise<string> {
  const login = await get(url);
  const action = /action="([^"]+)"/.exec(await login.text())?.[1]?.replaceAll('&amp;', '&');
  expect(action, 'the login page has a form').toBeDefined();
  const answer = await get(action!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(USER).toString(),
  });
  return answer.text();
}

/** The auto-posting SAML form's target and fields. */
function samlForm(page: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]* action="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
  const fields: Record<string, string> = {};
  for (const [, name = '', value = ''] of page.matchAll(/name="(SAMLResponse|RelayState)" value="([^"]*)"/g))
    fields[name] = value;
  expect(fields.SAMLResponse, 'Keycloak answers with an auto-posting SAMLResponse form').toBeDefined();
  return { action: action ?? '', fields };
}

/** Logs the user in through a SAML client and returns the SAML response Keycloak posts to the ACS URL. */
async function samlResponseXml(clientId: string): Promise<string> {
  const page = await logIn(browser(), authnRequestUrl(clientId, 'https://sp.example.com/acs'));
  return Buffer.from(samlForm(page).fields.SAMLResponse!, 'base64').toString('utf8');
}

const assertionOf = (xml: string) => /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)?.[0] ?? '';
const outsideAssertion = (xml: string) => xml.replace(assertionOf(xml), '');

/** The SAML client as the server stores it, in model terms (the attributes are what the rules read). */
async function storedSamlClient(clientId: string): Promise<ClientSettings> {
  const [stored] = await admin.clients.find({ realm, clientId });
  return clientSettings({
    clientId,
    protocol: 'saml',
    redirectUris: stored?.redirectUris ?? [],
    attributes: (stored?.attributes ?? {}) as Record<string, string>,
  });
}

function findings(rule: Rule, client: ClientSettings) {
  const settings: RealmSettings = { ...hardenedRealm(), clients: [client] };
  return findingsOf(rule, loaded(settings), 'baseline', { rules: {}, suppressions: [] }, NOW).map(
    ({ messageId, severity }) => `${severity} ${messageId}`,
  );
}

describe(`SAML clients on the real Keycloak`, () => {
  it('a new SAML client: the defaults each SAML rule reads', async () => {
    const { attributes } = await storedSamlClient('sp-default');
    expect(attributes).toMatchObject({
      'saml.server.signature': 'true',
      'saml.client.signature': 'true',
      'saml.signature.algorithm': 'RSA_SHA256',
    });
    for (const unset of ['saml.assertion.signature', 'saml.encrypt', 'saml.onetimeuse.condition'])
      expect(attributes[unset], unset).toBeUndefined();
  });

  it('the rules on a new SAML client: only what Keycloak leaves off, none of it above low under baseline', async () => {
    const client = await storedSamlClient('sp-default');
    expect(findings(samlClientSignature, client)).toEqual([]);
    expect(findings(samlSignatureAlgorithm, client)).toEqual([]);
    expect(findings(samlAssertionSignature, client)).toEqual(['low responseOnly']);
    expect(findings(samlAssertionEncryption, client)).toEqual(['low off']);
    expect(findings(samlOneTimeUse, client)).toEqual(['low missing']);
  });

  it('saml-assertion-signature: by default Keycloak signs the response, whose signature covers the unsigned assertion', async () => {
    const xml = await samlResponseXml('sp-login');
    const responseId = /<samlp:Response[^>]* ID="([^"]+)"/.exec(xml)?.[1];
    expect(outsideAssertion(xml)).toMatch(/<dsig:Signature/);
    expect(outsideAssertion(xml)).toContain(`URI="#${responseId}"`); // the enveloped signature is over the whole response
    expect(assertionOf(xml)).not.toBe('');
    expect(assertionOf(xml)).not.toMatch(/Signature/);
    // saml-signature-algorithm, saml-assertion-encryption, saml-one-time-use: the defaults as sent.
    expect(xml).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    expect(xml).not.toContain('EncryptedAssertion');
    expect(assertionOf(xml)).not.toContain('OneTimeUse');
  });

  it('saml-assertion-signature, saml-one-time-use: with them on, the assertion carries its own signature and OneTimeUse', async () => {
    const assertion = assertionOf(await samlResponseXml('sp-login-hardened'));
    expect(assertion).toMatch(/<dsig:Signature/);
    expect(assertion).toMatch(/<saml:OneTimeUse\s*\/>/);
  });

  it('saml-redirect-uri-wildcard: Keycloak is the version the shared pattern reading assumes', () => {
    expect(readPattern('https://host*', serverVersion)).toMatchObject({ kind: 'after-host', hostBoundary: 'enforced' });
  });

  it("saml-redirect-uri-wildcard: a client that must sign its requests (the default) has even a '*' refused to an unsigned AuthnRequest", async () => {
    const response = await fetch(authnRequestUrl('sp-open-signed', 'https://evil.example/steal'), {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Invalid requester');
  });

  it.each([
    ['sp-patterns', 'https://host/x', true, "'https://host*' is a path wildcard on host"],
    ['sp-patterns', 'https://host.evil.example/', false, "'https://host*' is not a host prefix"],
    ['sp-patterns', 'https://sp.example.com/acs/any', true, 'a path wildcard'],
    ['sp-patterns', 'https://sp.example.com/other', false, 'outside the path wildcard'],
    ['sp-patterns', 'https://a.example.com/cb', false, "a '*' in the host is no wildcard"],
    ['sp-patterns', 'https://*.example.com/cb', true, "the literal '*' entry matches only itself"],
    ['sp-open', 'https://evil.example/steal', true, "'*' accepts every URL"],
    ['sp-none', 'https://evil.example/steal', false, 'no redirect URI accepts nothing'],
  ])('saml-redirect-uri-wildcard: %s with ACS %s: accepted %s (%s)', async (clientId, acs, accepted) => {
    expect(await samlAccepts(clientId, acs)).toBe(accepted);
  });
});

/** Starts a login at the app with kc_idp_hint and returns where Keycloak sends the browser outside itself. */
async function brokerRedirect(alias: string, get = browser()): Promise<URL> {
  const query = new URLSearchParams({
    client_id: 'app',
    redirect_uri: APP_REDIRECT,
    response_type: 'code',
    scope: 'openid',
    kc_idp_hint: alias,
  });
  let location = `${keycloak().url}/realms/${realm}/protocol/openid-connect/auth?${query.toString()}`;
  for (let hop = 0; hop < 5 && location.startsWith(keycloak().url); hop++) {
    const response = await get(location);
    expect([302, 303], `hop ${hop} redirects`).toContain(response.status);
    location = new URL(response.headers.get('location')!, location).toString();
  }
  expect(location.startsWith(EXTERNAL), `the browser leaves for the identity provider (${location})`).toBe(true);
  return new URL(location);
}

/**
 * Answers Keycloak's AuthnRequest to a SAML identity provider with a response no identity provider
 * wrote: unsigned, asserting 'forged-user'. Returns Keycloak's answer to it.
 */
async function forgedSamlLogin(alias: string): Promise<{ status: number; location: string | null; body: string }> {
  const get = browser();
  const redirect = await brokerRedirect(alias, get);
  const request = inflateRawSync(Buffer.from(redirect.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
  const requestId = /ID="([^"]+)"/.exec(request)![1]!;
  const acs = /AssertionConsumerServiceURL="([^"]+)"/.exec(request)![1]!;
  const [now, before, after] = [0, -60_000, 300_000].map((offset) => new Date(Date.now() + offset).toISOString());
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="_${crypto.randomUUID()}" Version="2.0" IssueInstant="${now}" Destination="${acs}" InResponseTo="${requestId}">` +
    `<saml:Issuer>${EXTERNAL}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="_${crypto.randomUUID()}" Version="2.0" IssueInstant="${now}"><saml:Issuer>${EXTERNAL}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">forged-user</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData InResponseTo="${requestId}" NotOnOrAfter="${after}" Recipient="${acs}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${before}" NotOnOrAfter="${after}"><saml:AudienceRestriction><saml:Audience>${SAML_SP_ENTITY_ID}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now}" SessionIndex="s1"><saml:AuthnContext>` +
    `<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `</saml:Assertion></samlp:Response>`;
  const response = await get(acs, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      SAMLResponse: Buffer.from(xml).toString('base64'),
      RelayState: redirect.searchParams.get('RelayState') ?? '',
    }).toString(),
  });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

async function createIdentityProvider(alias: string, providerId: string, config: Record<string, string>) {
  await admin.identityProviders.create({ realm, alias, providerId, enabled: true, config });
  return (await admin.identityProviders.findOne({ realm, alias }))!;
}

describe('identity providers on the real Keycloak', () => {
  it('idp-signature-validation, idp-pkce, idp-sync-mode: a new OpenID Connect provider stores none of these settings (all off)', async () => {
    const created = await createIdentityProvider('oidc-default', 'oidc', { ...OIDC_ENDPOINTS, clientSecret: 'x' });
    const { config } = created;
    // idp-signature-validation's 'high': besides the login, the provider's tokens can reach Keycloak from clients.
    expect((created as { types?: string[] }).types).toEqual(
      expect.arrayContaining(['EXCHANGE_EXTERNAL_TOKEN', 'JWT_AUTHORIZATION_GRANT']),
    );
    for (const unset of ['validateSignature', 'pkceEnabled', 'pkceMethod', 'syncMode', 'disableNonce'])
      expect(config?.[unset], unset).toBeUndefined();
  });

  it('idp-pkce: without PKCE Keycloak sends a nonce and no code challenge; with it, an S256 challenge; disableNonce drops the nonce', async () => {
    const plain = (await brokerRedirect('oidc-default')).searchParams;
    expect(plain.get('nonce')).toMatch(/\S/);
    expect(plain.has('code_challenge')).toBe(false);

    await createIdentityProvider('oidc-pkce', 'oidc', {
      ...OIDC_ENDPOINTS,
      pkceEnabled: 'true',
      pkceMethod: 'S256',
      disableNonce: 'true',
    });
    const pkce = (await brokerRedirect('oidc-pkce')).searchParams;
    expect(pkce.get('code_challenge_method')).toBe('S256');
    expect(pkce.get('code_challenge')).toMatch(/\S/);
    expect(pkce.has('nonce')).toBe(false);
  });

  it('idp-signature-validation, saml-idp-*: a new SAML provider stores none of its signature, encryption and binding settings (all off)', async () => {
    const { config } = await createIdentityProvider('saml-default', 'saml', {
      singleSignOnServiceUrl: `${EXTERNAL}/sso`,
      entityId: SAML_SP_ENTITY_ID,
    });
    for (const unset of [
      'validateSignature',
      'wantAssertionsSigned',
      'wantAssertionsEncrypted',
      'wantAuthnRequestsSigned',
      'postBindingResponse',
      'syncMode',
    ])
      expect(config?.[unset], unset).toBeUndefined();
  });

  const protocolBinding = async (alias: string) => {
    const request = (await brokerRedirect(alias)).searchParams.get('SAMLRequest')!;
    return /ProtocolBinding="([^"]+)"/.exec(inflateRawSync(Buffer.from(request, 'base64')).toString('utf8'))?.[1];
  };

  it('saml-idp-post-binding: without postBindingResponse Keycloak asks the provider to answer by HTTP-Redirect', async () => {
    expect(await protocolBinding('saml-default')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect');
    await createIdentityProvider('saml-post', 'saml', {
      singleSignOnServiceUrl: `${EXTERNAL}/sso`,
      entityId: SAML_SP_ENTITY_ID,
      postBindingResponse: 'true',
    });
    expect(await protocolBinding('saml-post')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
  });

  it('saml-idp-signed-authn-requests: without wantAuthnRequestsSigned the AuthnRequest goes unsigned; with it, signed', async () => {
    expect((await brokerRedirect('saml-default')).searchParams.has('Signature')).toBe(false);
    await createIdentityProvider('saml-signed', 'saml', {
      singleSignOnServiceUrl: `${EXTERNAL}/sso`,
      entityId: SAML_SP_ENTITY_ID,
      wantAuthnRequestsSigned: 'true',
    });
    const signed = (await brokerRedirect('saml-signed')).searchParams;
    expect(signed.get('Signature')).toMatch(/\S/);
    expect(signed.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
  });

  it('idp-signature-validation: without validateSignature Keycloak logs in whoever a forged, unsigned SAML response names', async () => {
    await createIdentityProvider('saml-forgeable', 'saml', {
      singleSignOnServiceUrl: `${EXTERNAL}/sso`,
      entityId: SAML_SP_ENTITY_ID,
      postBindingResponse: 'true',
    });
    const answer = await forgedSamlLogin('saml-forgeable');
    expect(answer.status).toBe(302);
    expect(answer.location).toContain('/login-actions/first-broker-login'); // taken: on to create or link 'forged-user'
  });

  it('idp-signature-validation, saml-idp-signed-assertions: with validateSignature on, the same response (nothing signed) is refused', async () => {
    const descriptor = await (await fetch(`${keycloak().url}/realms/${realm}/protocol/saml/descriptor`)).text();
    const certificate = /<ds:X509Certificate>([^<]+)</.exec(descriptor)?.[1];
    expect(certificate, 'the realm publishes a signing certificate to configure').toBeDefined();
    await createIdentityProvider('saml-validating', 'saml', {
      singleSignOnServiceUrl: `${EXTERNAL}/sso`,
      entityId: SAML_SP_ENTITY_ID,
      postBindingResponse: 'true',
      validateSignature: 'true',
      signingCertificate: certificate!,
    });
    const answer = await forgedSamlLogin('saml-validating');
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Invalid signature in response from identity provider');
  });

  it('saml-idp-signed-assertions: with validateSignature on, Keycloak takes an unsigned assertion inside a signed response; wantAssertionsSigned refuses it', async () => {
    // A second realm acts as the SAML identity provider: by default it signs the response, not the assertion (shown above).
    const idpRealm = uniqueRealmName('rg-idp-saml-idp');
    await admin.realms.create({ realm: idpRealm, enabled: true });
    try {
      await admin.users.create({
        realm: idpRealm,
        username: USER.username,
        enabled: true,
        email: 'saml-user@example.com',
        emailVerified: true,
        firstName: 'Saml',
        lastName: 'User',
        credentials: [{ type: 'password', value: USER.password, temporary: false }],
      });
      await admin.clients.create({
        realm: idpRealm,
        clientId: SAML_SP_ENTITY_ID,
        protocol: 'saml',
        redirectUris: [`${keycloak().url}/realms/${realm}/broker/*`],
        attributes: { 'saml.client.signature': 'false' },
      });
      const idpBase = `${keycloak().url}/realms/${idpRealm}`;
      const descriptor = await (await fetch(`${idpBase}/protocol/saml/descriptor`)).text();
      const signingCertificate = /<ds:X509Certificate>([^<]+)</.exec(descriptor)![1]!;
      const brokerLogin = async (alias: string, wantAssertionsSigned: string) => {
        await createIdentityProvider(alias, 'saml', {
          singleSignOnServiceUrl: `${idpBase}/protocol/saml`,
          entityId: SAML_SP_ENTITY_ID,
          postBindingResponse: 'true',
          validateSignature: 'true',
          signingCertificate,
          wantAssertionsSigned,
        });
        const get = browser();
        const query = new URLSearchParams({
          client_id: 'app',
          redirect_uri: APP_REDIRECT,
          response_type: 'code',
          scope: 'openid',
          kc_idp_hint: alias,
        });
        let location = `${keycloak().url}/realms/${realm}/protocol/openid-connect/auth?${query.toString()}`;
        for (let hop = 0; hop < 5 && !location.startsWith(idpBase); hop++)
          location = new URL((await get(location)).headers.get('location')!, location).toString();
        const { action, fields } = samlForm(await logIn(get, location));
        const answer = await get(action, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        });
        return { status: answer.status, location: answer.headers.get('location'), body: await answer.text() };
      };
      const responseSigned = await brokerLogin('kc-response-signed', 'false');
      expect(responseSigned.status, /class="instruction">([^<]*)/.exec(responseSigned.body)?.[1]).toBe(302);
      expect(responseSigned.location).toContain('/login-actions/first-broker-login');
      const assertionRequired = await brokerLogin('kc-assertion-required', 'true');
      expect(assertionRequired.status).toBe(400);
      expect(assertionRequired.body).toContain('Invalid signature in response from identity provider');
    } finally {
      await admin.realms.del({ realm: idpRealm }).catch(() => undefined);
    }
  });

  it('idp-mapper-sync: a mapper made through the admin API without a sync mode stores none (read as LEGACY)', async () => {
    await admin.identityProviders.createMapper({
      realm,
      alias: 'oidc-default',
      identityProviderMapper: {
        name: 'department',
        identityProviderAlias: 'oidc-default',
        identityProviderMapper: 'oidc-user-attribute-idp-mapper',
        config: { claim: 'department', 'user.attribute': 'department' },
      },
    });
    const [mapper] = await admin.identityProviders.findMappers({ realm, alias: 'oidc-default' });
    expect(mapper?.config).not.toHaveProperty('syncMode');
  });
});

describe('first broker login on the real Keycloak', () => {
  it("idp-first-login-auto-link: Keycloak calls idp-auto-link 'without any verification'", async () => {
    const providers = (await admin.authenticationManagement.getAuthenticatorProviders()) as Array<{
      id: string;
      description: string;
    }>;
    expect(providers.find((provider) => provider.id === 'idp-auto-link')?.description).toMatch(
      /without any verification/,
    );
  });

  it("idp-first-login-auto-link: the realm's default first broker login flow verifies the existing account and never auto-links", async () => {
    // The admin client's RealmRepresentation type lacks firstBrokerLoginFlow, which the server sends.
    const realmRepresentation = (await admin.realms.findOne({ realm })) as
      { firstBrokerLoginFlow?: string } | undefined;
    expect(realmRepresentation?.firstBrokerLoginFlow).toBe('first broker login');
    const executions = await admin.authenticationManagement.getExecutions({ realm, flow: 'first broker login' });
    const active = executions
      .filter((execution) => execution.requirement !== 'DISABLED')
      .map((execution) => execution.providerId);
    expect(active).toEqual(
      expect.arrayContaining(['idp-confirm-link', 'idp-email-verification', 'idp-username-password-form']),
    );
    expect(active).not.toContain('idp-auto-link');
  });
});

describe('the identity-provider rules on a realm read live', () => {
  const ruleFindings = async () =>
    runRules([await readLiveRealm(adminLiveSource(realm), realm)])
      .findings.filter((finding) => finding.ruleId.startsWith('idp-') || finding.ruleId.startsWith('saml-idp-'))
      .map((finding) => `${finding.severity} ${finding.ruleId} @${finding.entity?.id ?? ''} ${finding.messageId}`);

  it('idp-first-login-auto-link: silent on the default flow, then reports the provider whose own flow runs idp-auto-link', async () => {
    expect((await ruleFindings()).filter((finding) => finding.includes('auto-link'))).toEqual([]);

    await admin.authenticationManagement.createFlow({
      realm,
      alias: 'auto link',
      providerId: 'basic-flow',
      topLevel: true,
      builtIn: false,
    });
    for (const provider of ['idp-detect-existing-broker-user', 'idp-auto-link'])
      await admin.authenticationManagement.addExecutionToFlow({ realm, flow: 'auto link', provider });
    for (const execution of await admin.authenticationManagement.getExecutions({ realm, flow: 'auto link' }))
      await admin.authenticationManagement.updateExecution(
        { realm, flow: 'auto link' },
        { ...execution, requirement: 'REQUIRED' },
      );
    const idp = (await admin.identityProviders.findOne({ realm, alias: 'oidc-pkce' }))!;
    await admin.identityProviders.update(
      { realm, alias: 'oidc-pkce' },
      { ...idp, firstBrokerLoginFlowAlias: 'auto link' },
    );

    expect((await ruleFindings()).filter((finding) => finding.includes('auto-link'))).toEqual([
      'high idp-first-login-auto-link @oidc-pkce autoLink',
    ]);
  });

  it("a new SAML provider, read live: what the SAML identity-provider rules report on Keycloak's defaults", async () => {
    expect((await ruleFindings()).filter((finding) => finding.includes('@saml-default'))).toEqual([
      'critical idp-signature-validation @saml-default saml',
      'medium saml-idp-post-binding @saml-default redirect',
      'low saml-idp-encrypted-assertions @saml-default off',
      'low saml-idp-signed-authn-requests @saml-default unsigned',
      'info idp-sync-mode @saml-default notForce',
    ]);
  });
});
