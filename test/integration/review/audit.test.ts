/**
 * realmguard audit against the real Keycloak, through the real command line, authenticated as a
 * service account that holds ONLY view-realm, view-clients, view-users and view-identity-providers
 * of the audited realm.
 * A realm created from a baseline shows no drift and no findings beyond the baseline's own (on the
 * parts the baseline declares: the live realm also has a browser flow, roles… that a baseline
 * without them says nothing about, and findings on those are the audit's alone); a
 * setting changed through the admin API shows as drift and as a new finding; the account cannot
 * write; each kind of connection failure is one line with exit code 2.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRealmFile } from '../../../model/load.ts';
import type { RealmSettings } from '../../../model/realm-settings.ts';
import type { FindingJson } from '../../support/json-reports.ts';
import { allRules } from '../../../policies/rules/index.ts';
import { auditReport, checkReport, sarifLog } from '../../support/json-reports.ts';
import { adminClient, keycloak, uniqueRealmName } from '../../support/keycloak.ts';
import { runCli, type CliRun } from '../../unit/review/run-cli.ts';
import { createRealmFromSettings } from './realm-from-settings.ts';

interface ServiceAccount {
  id: string;
  clientId: string;
  secret: string;
}

const READ_ONLY_ROLES = ['view-realm', 'view-clients', 'view-users', 'view-identity-providers'];

let admin: KcAdminClient;
let realm: string;
let dir: string;
let baselineFile: string;
let readOnly: ServiceAccount;
let viewRealmOnly: ServiceAccount;
let declaredSettings: RealmSettings;

/** A confidential master-realm client whose service account holds exactly `roles` of `<realm>-realm`. */
async function serviceAccount(roles: string[]): Promise<ServiceAccount> {
  const clientId = `audit-${roles.length}-${randomBytes(3).toString('hex')}`;
  const { id } = await admin.clients.create({
    realm: 'master',
    clientId,
    publicClient: false,
    serviceAccountsEnabled: true,
    standardFlowEnabled: false,
    directAccessGrantsEnabled: false,
    clientAuthenticatorType: 'client-secret',
  });
  const secret = (await admin.clients.getClientSecret({ realm: 'master', id })).value;
  if (!secret) throw new Error(`no secret for ${clientId}`);
  const user = await admin.clients.getServiceAccountUser({ realm: 'master', id });
  const [realmClient] = await admin.clients.find({ realm: 'master', clientId: `${realm}-realm` });
  if (!realmClient?.id || !user.id) throw new Error(`master has no ${realm}-realm client`);
  const available = await admin.clients.listRoles({ realm: 'master', id: realmClient.id });
  const granted = available
    .filter((role) => role.name && roles.includes(role.name))
    .map((role) => ({ id: role.id!, name: role.name! }));
  expect(granted.map((role) => role.name).sort()).toEqual([...roles].sort());
  await admin.users.addClientRoleMappings({
    realm: 'master',
    id: user.id,
    clientUniqueId: realmClient.id,
    roles: granted,
  });
  return { id, clientId, secret };
}

/** A loopback port nothing listens on (fetch refuses "bad" ports such as 9, so pick a free one). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function envFor(account: ServiceAccount, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    KEYCLOAK_URL: keycloak().url,
    KEYCLOAK_REALM: 'master',
    KEYCLOAK_CLIENT_ID: account.clientId,
    KEYCLOAK_CLIENT_SECRET: account.secret,
    KEYCLOAK_USER: '',
    KEYCLOAK_PASSWORD: '',
    ...overrides,
  };
}

/** Runs audit and checks that no secret of ours appears in anything it printed. */
async function audit(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const run = await runCli(['audit', '--realm', realm, ...args], { env });
  for (const secret of [
    readOnly.secret,
    viewRealmOnly.secret,
    keycloak().adminPassword,
    env.KEYCLOAK_CLIENT_SECRET ?? '',
  ]) {
    if (secret) expect(run.stdout + run.stderr).not.toContain(secret);
  }
  return run;
}

/** The realm parts a baseline may leave out, and so say nothing about (RealmSettings' optional parts). */
const OPTIONAL_PARTS = ['identityProviders', 'clientScopes', 'access', 'authentication', 'userProfile'] as const;

/**
 * The live findings on parts the baseline declares: a rule that reads a part the baseline leaves
 * out (the browser flow of a baseline without `authentication`) judges what only the live realm shows.
 */
function onDeclaredParts(findings: readonly FindingJson[]): FindingJson[] {
  const undeclared = new Set<string>(OPTIONAL_PARTS.filter((part) => declaredSettings[part] === undefined));
  const readsUndeclared = new Set(
    allRules.filter((rule) => rule.reads.some((part) => undeclared.has(part))).map((rule) => rule.id),
  );
  return findings.filter((finding) => !readsUndeclared.has(finding.ruleId));
}

async function checkFingerprints(): Promise<string[]> {
  const run = await runCli(['check', baselineFile, '--format', 'json', '--fail-on', 'none']);
  expect(run.code).toBe(0);
  // The same parts as the live side: a rule that also reads a part the baseline leaves out
  // (offline-access-optional reads the client scopes) is judged on the live realm alone.
  return onDeclaredParts(checkReport(run.stdout).findings)
    .map((finding) => finding.fingerprint)
    .sort();
}

beforeAll(async () => {
  admin = await adminClient();
  realm = uniqueRealmName('audit');
  dir = await mkdtemp(join(tmpdir(), 'realmguard-audit-'));
  baselineFile = join(dir, `${realm}.yaml`);
  const fixture = await readFile(new URL('./fixtures/audited.yaml', import.meta.url), 'utf8');
  await writeFile(baselineFile, fixture.replace('realm: REALM', `realm: ${realm}`));
  const [declared] = await loadRealmFile(baselineFile);
  declaredSettings = declared!.settings;
  await createRealmFromSettings(admin, declared!.settings);
  readOnly = await serviceAccount(READ_ONLY_ROLES);
  viewRealmOnly = await serviceAccount(['view-realm']);
});

afterAll(async () => {
  await admin.realms.del({ realm }).catch(() => undefined);
  // Either is still unset when beforeAll failed before creating it.
  for (const account of [readOnly, viewRealmOnly] as (ServiceAccount | undefined)[])
    if (account) await admin.clients.del({ realm: 'master', id: account.id }).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('realmguard audit (live Keycloak, read-only service account)', { timeout: 180_000 }, () => {
  it('a realm applied from its baseline: no drift, and no findings beyond the baseline’s own', async () => {
    const run = await audit(['--baseline', baselineFile, '--format', 'json'], envFor(readOnly));
    expect(run.code, run.stderr).toBe(0);
    const document = auditReport(run.stdout);
    expect(document.drift.changes).toEqual([]);
    expect(document.drift.summary).toBe('no drift: the live realm matches the baseline');
    expect(
      onDeclaredParts(document.findings)
        .map((finding) => finding.fingerprint)
        .sort(),
    ).toEqual(await checkFingerprints());
    expect(run.stderr).toContain(
      "left out Keycloak's built-in clients account, account-console, admin-cli, broker, realm-management, security-admin-console",
    );
  });

  it('the same account cannot change anything: a write answers 403', async () => {
    const client = new KcAdminClient({ baseUrl: keycloak().url, realmName: 'master' });
    await client.auth({ grantType: 'client_credentials', clientId: readOnly.clientId, clientSecret: readOnly.secret });
    expect((await client.realms.findOne({ realm }))?.accessTokenLifespan).toBe(300);
    const attempt = client.realms.update({ realm }, { accessTokenLifespan: 3600 });
    await expect(attempt).rejects.toMatchObject({ response: { status: 403 } });
    expect((await admin.realms.findOne({ realm }))?.accessTokenLifespan).toBe(300);
  });

  it('a setting changed through the admin API: reported as drift, setting by setting, and as a new finding', async () => {
    await admin.realms.update({ realm }, { accessTokenLifespan: 3600 });
    const [web] = await admin.clients.find({ realm, clientId: 'web' });
    await admin.clients.update(
      { realm, id: web!.id! },
      { ...web, redirectUris: [...(web!.redirectUris ?? []), 'https://*'] },
    );

    const run = await audit(['--baseline', baselineFile, '--format', 'json', '--fail-on', 'none'], envFor(readOnly));
    expect(run.code, run.stderr).toBe(0);
    const document = auditReport(run.stdout);
    const drift = document.drift.changes.map((change) => [
      change.entity.id,
      change.setting,
      change.before,
      change.after,
      change.effect,
    ]);
    expect(drift).toEqual([
      ['web', 'redirectUris', null, 'https://*', 'weakens'],
      [realm, 'accessTokenLifespan', 300, 3600, 'weakens'],
    ]);
    // The drift points at the baseline line that declares the setting.
    const lifespan = document.drift.changes.find((change) => change.setting === 'accessTokenLifespan');
    expect(lifespan!.location).toMatchObject({ file: baselineFile, line: 5 });
    const declaredFindings = new Set(await checkFingerprints());
    const newFindings = onDeclaredParts(document.findings).filter(
      (finding) => !declaredFindings.has(finding.fingerprint),
    );
    expect(newFindings.map((finding) => `${finding.ruleId} ${finding.severity}`).sort()).toEqual([
      'access-token-lifespan high',
      'redirect-uri-wildcard critical',
    ]);
  });

  it('exit codes as check: --fail-on over findings, --fail-on-drift for any drift', async () => {
    expect((await audit(['--baseline', baselineFile, '--format', 'json'], envFor(readOnly))).code).toBe(1); // default --fail-on medium
    expect(
      (
        await audit(
          ['--baseline', baselineFile, '--format', 'json', '--fail-on', 'none', '--fail-on-drift'],
          envFor(readOnly),
        )
      ).code,
    ).toBe(1);
    expect((await audit(['--format', 'json', '--fail-on', 'none', '--fail-on-drift'], envFor(readOnly))).code).toBe(0); // no baseline, no drift
  });

  it('every output format carries the drift', async () => {
    const text = await audit(['--baseline', baselineFile, '--fail-on', 'none'], envFor(readOnly));
    expect(text.stdout).toMatch(
      /Drift from .*\(declared → live\): 2 settings drifted from the baseline \(2 weaker than declared\)/,
    );
    expect(text.stdout).toContain(`${realm}: realm settings: accessTokenLifespan: 300 (5m) → 3600 (1h)`);
    const markdown = await audit(
      ['--baseline', baselineFile, '--fail-on', 'none', '--format', 'markdown'],
      envFor(readOnly),
    );
    expect(markdown.stdout).toContain('#### Drift from');
    expect(markdown.stdout).toContain(
      '| ⚠️ weakens | ' + realm + ' | realm settings | `accessTokenLifespan` | `300 (5m)` → `3600 (1h)` |',
    );
    const sarif = sarifLog(
      (await audit(['--baseline', baselineFile, '--fail-on', 'none', '--format', 'sarif'], envFor(readOnly))).stdout,
    );
    const results = sarif.runs[0]!.results!.filter((result) => result.ruleId === 'baseline-drift');
    expect(results).toHaveLength(2);
    expect(sarif.runs[0]!.tool.driver.rules![results[0]!.ruleIndex!]!.id).toBe('baseline-drift');
    expect(results.map((result) => result.level)).toEqual(['warning', 'warning']);
  });
});

describe('realmguard audit --scope-mappings: clients’ own scope mappings', { timeout: 180_000 }, () => {
  it('with the option, the read-only account sees manage-users in a client’s own scope (sensitive-role-client); without, it does not', async () => {
    const { id } = await admin.clients.create({ realm, clientId: 'scoped-reports', fullScopeAllowed: false });
    try {
      const [management] = await admin.clients.find({ realm, clientId: 'realm-management' });
      const manageUsers = await admin.clients.findRole({ realm, id: management!.id!, roleName: 'manage-users' });
      await admin.clients.addClientScopeMappings({ realm, id, client: management!.id! }, [
        { id: manageUsers!.id!, name: 'manage-users' },
      ]);
      const clientFindings = async (args: string[]) => {
        const run = await audit(['--format', 'json', '--fail-on', 'none', ...args], envFor(readOnly));
        expect(run.code, run.stderr).toBe(0);
        return auditReport(run.stdout)
          .findings.filter((finding) => finding.ruleId === 'sensitive-role-client')
          .map((finding) => finding.path.join('.'));
      };
      const own = 'access.scopeMappings.client:scoped-reports.roles.realm-management/manage-users';
      expect(await clientFindings(['--scope-mappings'])).toContain(own);
      expect(await clientFindings([])).not.toContain(own);
    } finally {
      await admin.clients.del({ realm, id });
    }
  });
});

describe(
  'realmguard audit --baseline with roles: what Keycloak creates in every realm is not drift',
  { timeout: 180_000 },
  () => {
    it('built-in roles and scope mappings are left out; a role the baseline does not declare is drift', async () => {
      // The realm holds Keycloak's own roles (offline_access, uma_authorization, default-roles-<realm>,
      // account's roles) and the offline_access scope's mapping, none of which a baseline names.
      await admin.roles.create({ realm, name: 'app-user' });
      const withRoles = join(dir, `${realm}-roles.yaml`);
      await writeFile(withRoles, `${await readFile(baselineFile, 'utf8')}roles:\n  realm:\n    - name: app-user\n`);
      const accessDrift = async () => {
        const run = await audit(['--baseline', withRoles, '--format', 'json', '--fail-on', 'none'], envFor(readOnly));
        expect(run.code, run.stderr).toBe(0);
        return auditReport(run.stdout)
          .drift.changes.filter((change) => change.path[0] === 'access')
          .map((change) => [change.entity.kind, change.entity.id, change.effect]);
      };
      try {
        expect(await accessDrift()).toEqual([]);
        await admin.roles.create({ realm, name: 'stray' });
        expect(await accessDrift()).toEqual([['role', 'stray', 'neutral']]);
      } finally {
        for (const name of ['app-user', 'stray']) await admin.roles.delByName({ realm, name }).catch(() => undefined);
      }
    });
  },
);

describe('realmguard audit: connection and access failures are one line, exit 2', { timeout: 120_000 }, () => {
  const oneLine = (run: CliRun) => {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0]!;
  };

  it('401: wrong client secret', async () => {
    const wrong = { ...readOnly, secret: `wrong-${randomBytes(8).toString('hex')}` };
    const line = oneLine(await audit([], envFor(wrong)));
    expect(line).toContain(`authentication failed: Keycloak refused client '${readOnly.clientId}' (realm master)`);
    expect(line).not.toContain(wrong.secret);
  });

  it('403: an account without view-clients, with the role it lacks', async () => {
    const line = oneLine(await audit([], envFor(viewRealmOnly)));
    expect(line).toMatch(/403 Forbidden/);
    expect(line).toContain('view-clients');
    // The account lives in master: its roles are on the <realm>-realm client there, and the line says so.
    expect(line).toContain(`client '${realm}-realm' for a master-realm account`);
    expect(line).toContain(`client 'realm-management' in '${realm}'`);
  });

  it('404: a realm that does not exist', async () => {
    const run = await runCli(['audit', '--realm', `${realm}-missing`], { env: envFor(readOnly) });
    const line = oneLine(run);
    expect(line).toMatch(new RegExp(`realm '${realm}-missing' (does not exist|not found)`));
  });

  it('connection refused', async () => {
    const port = await closedPort();
    const line = oneLine(await audit([], envFor(readOnly, { KEYCLOAK_URL: `http://127.0.0.1:${port}` })));
    expect(line).toBe(
      `realmguard: cannot connect to http://127.0.0.1:${port}: connection refused — is Keycloak running there, and is KEYCLOAK_URL right?`,
    );
  });
});
