/**
 * A throwaway realm with what the incident tests act on: a public client (web), a confidential
 * client (api), a confidential client that introspects (introspector, in the audience of the
 * access tokens of web and api), users with passwords,
 * and real tokens from the realm's token endpoint. Passwords hash with one iteration so hundreds
 * of logins stay fast; the user profile lets admins set unmanaged attributes (token_version).
 */
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { UnmanagedAttributePolicy } from '@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js';
import { adminClient, keycloak, uniqueRealmName } from '../../../support/keycloak.ts';
import { createContext, IncidentHttp, type IncidentContext, type SuspectToken } from '../../../../incident/index.ts';

export const PASSWORD = 'correct-horse-battery';
export const API_SECRET = 'api-secret-0123456789abcdef';
export const INTROSPECTOR_SECRET = 'introspector-secret-0123456789';

export interface Tokens {
  access_token: string;
  refresh_token: string;
  session_state?: string;
}

export class RealmFixture {
  private constructor(
    readonly kc: KcAdminClient,
    readonly realm: string,
    readonly url: string,
  ) {}

  static async create(prefix: string): Promise<RealmFixture> {
    const kc = await adminClient();
    const realm = uniqueRealmName(prefix);
    await kc.realms.create({ realm, enabled: true, passwordPolicy: 'hashIterations(1)', accessTokenLifespan: 300 });
    const fixture = new RealmFixture(kc, realm, keycloak().url);
    const profile = await kc.users.getProfile({ realm });
    await kc.users.updateProfile({ ...profile, realm, unmanagedAttributePolicy: UnmanagedAttributePolicy.AdminEdit });
    await kc.clients.create({
      realm,
      clientId: 'web',
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    await kc.clients.create({
      realm,
      clientId: 'api',
      publicClient: false,
      secret: API_SECRET,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
      serviceAccountsEnabled: true,
    });
    await kc.clients.create({
      realm,
      clientId: 'introspector',
      publicClient: false,
      secret: INTROSPECTOR_SECRET,
      standardFlowEnabled: false,
    });
    // Keycloak 26 introspects an access token only for a client in its audience.
    for (const clientId of ['web', 'api']) {
      await kc.clients.addProtocolMapper(
        { realm, id: await fixture.clientUuid(clientId) },
        {
          name: 'audience-introspector',
          protocol: 'openid-connect',
          protocolMapper: 'oidc-audience-mapper',
          config: {
            'included.client.audience': 'introspector',
            'access.token.claim': 'true',
            'introspection.token.claim': 'true',
          },
        },
      );
    }
    return fixture;
  }

  async destroy(): Promise<void> {
    await this.kc.realms.del({ realm: this.realm });
  }

  async createUser(username: string): Promise<string> {
    const { id } = await this.kc.users.create({
      realm: this.realm,
      username,
      enabled: true,
      email: `${username}@example.test`,
      firstName: 'Test',
      lastName: username,
      emailVerified: true,
      credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
    });
    return id;
  }

  async clientUuid(clientId: string): Promise<string> {
    const [client] = await this.kc.clients.find({ realm: this.realm, clientId });
    if (!client?.id) throw new Error(`fixture: no client ${clientId}`);
    return client.id;
  }

  endpoint(name: 'token' | 'token/introspect' | 'revoke'): string {
    return `${this.url}/realms/${this.realm}/protocol/openid-connect/${name}`;
  }

  private clientFields(clientId: 'web' | 'api'): Record<string, string> {
    return clientId === 'api' ? { client_id: 'api', client_secret: API_SECRET } : { client_id: 'web' };
  }

  /** A real password grant; offline adds offline_access (an offline token as refresh token). */
  async login(username: string, clientId: 'web' | 'api' = 'web', offline = false): Promise<Tokens> {
    const response = await fetch(this.endpoint('token'), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        username,
        password: PASSWORD,
        scope: offline ? 'openid offline_access' : 'openid',
        ...this.clientFields(clientId),
      }),
    });
    const body = (await response.json()) as Tokens & { error?: string };
    if (!response.ok) throw new Error(`fixture: login of ${username} failed: ${response.status} ${body.error}`);
    return body;
  }

  /** Status of a refresh grant: 200 while the refresh token is good, 400 once revoked. */
  async refreshStatus(refreshToken: string, clientId: 'web' | 'api' = 'web'): Promise<number> {
    const response = await fetch(this.endpoint('token'), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        ...this.clientFields(clientId),
      }),
    });
    await response.text();
    return response.status;
  }

  async active(token: string): Promise<boolean> {
    const response = await fetch(this.endpoint('token/introspect'), {
      method: 'POST',
      body: new URLSearchParams({ token, client_id: 'introspector', client_secret: INTROSPECTOR_SECRET }),
    });
    const body = (await response.json()) as { active?: boolean };
    return body.active === true;
  }

  async sessionCounts(userId: string): Promise<{ online: number; offline: number }> {
    const online = await this.kc.users.listSessions({ realm: this.realm, id: userId });
    let offline = 0;
    for (const clientId of ['web', 'api']) {
      offline += (
        await this.kc.users.listOfflineSessions({
          realm: this.realm,
          id: userId,
          clientId: await this.clientUuid(clientId),
        })
      ).length;
    }
    return { online: online.length, offline };
  }

  /** An incident context acting as the master-realm bootstrap admin (password grant, admin-cli). */
  context(
    options: { dryRun?: boolean; suspect?: SuspectToken; url?: string; timeoutMs?: number; retries?: number } = {},
  ): IncidentContext {
    const { adminUser, adminPassword } = keycloak();
    const http = new IncidentHttp(
      {
        url: options.url ?? this.url,
        authRealm: 'master',
        credentials: { grant: 'password', clientId: 'admin-cli', username: adminUser, password: adminPassword },
      },
      { timeoutMs: options.timeoutMs ?? 15_000, retries: options.retries ?? 3, minRetryDelayMs: 50 },
    );
    return createContext(http, this.realm, {
      dryRun: options.dryRun ?? false,
      ...(options.suspect ? { suspect: options.suspect } : {}),
    });
  }

  introspector(): { clientId: string; clientSecret: string } {
    return { clientId: 'introspector', clientSecret: INTROSPECTOR_SECRET };
  }
}

/** Keycloak compares whole seconds (iat < notBefore): let the clock pass the tokens' second. */
export function nextSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1100));
}
