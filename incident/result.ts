/** What an incident action returns: what it did, and the evidence that it worked. */

export type ActionName =
  | 'sessions'
  | 'logout-session'
  | 'logout-user'
  | 'logout-realm'
  | 'revoke-token'
  | 'not-before'
  | 'rotate-keys'
  | 'disable-user'
  | 'disable-client'
  | 'rotate-client-secret'
  | 'bump-token-version'
  | 'contain-user'
  | 'contain-realm';

/** pass: Keycloak shows the effect; fail: it does not; unverified: no way to check was given. */
export type EvidenceStatus = 'pass' | 'fail' | 'unverified';

export interface Evidence {
  /** What was checked, e.g. 'online sessions left'. */
  check: string;
  status: EvidenceStatus;
  /** What Keycloak answered, e.g. '0 (was 2)'. */
  detail: string;
}

export interface Target {
  type: 'user' | 'session' | 'client' | 'realm' | 'key' | 'token';
  /** Keycloak id (user id, session id, client UUID, key id). */
  id?: string;
  /** Human name as given or found (username, clientId, provider name). */
  name?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  changesState: boolean;
  /** False in a dry run for a state-changing request: listed, not sent. */
  sent: boolean;
}

export interface ActionResult {
  action: ActionName;
  realm: string;
  dryRun: boolean;
  /** True when nothing failed: no error, and no evidence that contradicts the effect. */
  ok: boolean;
  targets: Target[];
  requests: RequestRecord[];
  evidence: Evidence[];
  /** What this action cannot do (printed every time). */
  limits: string[];
  /** Other things worth saying (e.g. where a new secret went). */
  notes: string[];
  /** The baseline YAML edit that keeps the next `pulumi up` from undoing the response. */
  baselineEdit?: string;
  /** The one-line error that stopped the action. */
  error?: string;
  /** Read-only answers (the `sessions` listing). */
  data?: unknown;
  /** A playbook's individual actions. */
  steps?: ActionResult[];
}

export function targetLabel(target: Target): string {
  if (target.name && target.id && target.name !== target.id) return `${target.type} ${target.name} (${target.id})`;
  return `${target.type} ${target.name ?? target.id ?? '?'}`;
}
