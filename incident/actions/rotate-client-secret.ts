/**
 * rotate-client-secret: Keycloak generates a new secret for a confidential client; the old one
 * stops working at once (unless the realm's secret-rotation client policy keeps it for a while).
 * The new secret is never printed unless asked: it goes to a file created with mode 0600, or
 * nowhere (read it in the admin console). Evidence: the old secret is refused and the new one
 * accepted when each authenticates at the /revoke endpoint with a dummy token — a check that
 * needs no grant type and changes nothing (an unknown token is answered 200 by RFC 7009).
 */
import type { ActionRun } from '../action-run.ts';
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { expectRecord } from '../../keycloak/answers.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { IncidentError } from '../../keycloak/errors.ts';
import { SECRET_LIMIT } from '../limits.ts';
import { resolveClient } from '../lookup.ts';
import type { ActionResult } from '../result.ts';
import { checkSecretFile, SecretFile } from '../secret-file.ts';

export interface RotateClientSecretOptions {
  /** The clientId. */
  client: string;
  /** Write the new secret here (created new, mode 0600; an existing file is not overwritten). */
  secretFile?: string;
  /** Replace an existing secretFile (atomically, with a fresh 0600 file). */
  force?: boolean;
  /** Put the new secret into the result (the CLI prints it). Off by default. */
  showSecret?: boolean;
}

/** Whether Keycloak accepts the client's credentials: authenticate at /revoke with a token that matches nothing. */
export async function secretAccepted(run: ActionRun, clientId: string, secret: string): Promise<boolean> {
  const spec = run.spec(ENDPOINTS.revokeProbe);
  try {
    await run.read(spec, () =>
      run.ctx.http.postForm(spec.path, {
        token: 'realmguard-secret-check',
        client_id: clientId,
        client_secret: secret,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof IncidentError && (error.status === 401 || error.status === 400)) return false;
    throw error;
  }
}

export async function rotateClientSecret(
  ctx: IncidentContext,
  options: RotateClientSecretOptions,
): Promise<ActionResult> {
  // The secret file is made ready before any request: a path that cannot take the secret is an
  // input error (InputError, exit 2) while the old secret still works. A dry run only checks.
  const fileOptions = { force: options.force === true };
  if (options.secretFile && ctx.dryRun) checkSecretFile(options.secretFile, fileOptions);
  const file = options.secretFile && !ctx.dryRun ? SecretFile.reserve(options.secretFile, fileOptions) : undefined;
  try {
    return await rotate(ctx, options, file);
  } finally {
    // Removes the empty reservation when the secret never came (refused, failed, or a crash).
    file?.discard();
  }
}

function rotate(
  ctx: IncidentContext,
  options: RotateClientSecretOptions,
  file: SecretFile | undefined,
): Promise<ActionResult> {
  return runAction(ctx, 'rotate-client-secret', async (run) => {
    run.limit(SECRET_LIMIT);
    const target = run.target({ type: 'client', name: options.client });
    const client = await resolveClient(run, options.client);
    target.id = client.id;
    if (
      client.publicClient ||
      (client.clientAuthenticatorType &&
        !['client-secret', 'client-secret-jwt'].includes(client.clientAuthenticatorType))
    ) {
      throw new IncidentError(
        'unexpected',
        `client '${client.clientId}' has no secret to rotate (${client.publicClient ? 'public client' : client.clientAuthenticatorType})`,
      );
    }
    const notFound = `client '${client.clientId}'`;
    // The old secret is read (into memory only) to prove afterwards that it is refused.
    const oldSpec = run.spec(ENDPOINTS.clientSecret, { id: client.id }, { notFound });
    const old = run.dryRun ? undefined : expectRecord(oldSpec, await run.get(oldSpec), 'a client secret');
    const oldValue = typeof old?.value === 'string' ? old.value : undefined;
    run.ctx.http.secrets.add(oldValue);
    // Generating a secret is not idempotent: never retried (the endpoint says so).
    const freshSpec = run.spec(ENDPOINTS.newClientSecret, { id: client.id }, { notFound });
    const fresh = await run.send(freshSpec);
    if (run.dryRun) return;
    const answer = expectRecord(freshSpec, fresh?.body, 'a client secret');
    const value = typeof answer.value === 'string' ? answer.value : undefined;
    if (!value)
      throw new IncidentError('bad-answer', `${freshSpec.method} ${freshSpec.path} answered without a secret`);
    run.ctx.http.secrets.add(value);
    deliverSecret(run, value, options, file);
    if (oldValue)
      run.check(
        'old secret refused',
        !(await secretAccepted(run, client.clientId, oldValue)),
        'client authentication at /revoke with the old secret',
      );
    else run.check('old secret refused', 'unverified', 'the client had no readable secret before');
    run.check(
      'new secret accepted',
      await secretAccepted(run, client.clientId, value),
      'client authentication at /revoke with the new secret',
    );
  });
}

function deliverSecret(
  run: ActionRun,
  value: string,
  options: RotateClientSecretOptions,
  file: SecretFile | undefined,
): void {
  if (file) {
    try {
      file.write(value);
      run.notes.push(`new secret written to ${file.file} (mode 0600)`);
    } catch (error) {
      // The rotation is done and cannot be taken back: record the failure and go on to the
      // evidence, so the result (and the journal) still say what happened.
      const reason = error instanceof Error ? error.message : String(error);
      run.error = `the secret was rotated but ${reason}: read it in the admin console (client ${options.client} → Credentials)`;
    }
  } else if (options.showSecret) {
    // Deliberately outside the journal: the CLI prints it once, to stdout.
    run.data = { newSecret: value };
    run.notes.push('new secret printed below because --show-secret was given');
  } else {
    run.notes.push(
      `new secret not shown: read it in the admin console (client ${options.client} → Credentials), or rerun a rotation with --secret-file FILE`,
    );
  }
}
