/**
 * One Keycloak event as the watcher sees it: a user event (GET /events) or an admin event
 * (GET /admin-events) reduced to what the detections read. Details are kept by an allow-list:
 * Keycloak puts token ids and, for some flows, codes in them, and nothing of that kind may reach
 * the output or the state file.
 */
import { isRecord, type JsonRecord } from '../keycloak/answers.ts';

export type EventStream = 'user' | 'admin';

export interface AdminPart {
  operationType: string;
  resourceType: string;
  resourcePath?: string;
  /** The representation Keycloak stored (adminEventsDetailsEnabled), parsed; undefined when absent or not a JSON object. */
  representation?: JsonRecord;
  /** A representation that is a list (role mappings: the roles granted), its objects only. */
  representationItems?: JsonRecord[];
  /** Who acted: authDetails.userId / clientId / realmId / ipAddress. */
  actorUserId?: string;
  actorClientId?: string;
  actorRealmId?: string;
}

export interface WatchEvent {
  stream: EventStream;
  id: string;
  /** Epoch milliseconds (Keycloak's own clock). */
  time: number;
  realm: string;
  /** User events: LOGIN, REFRESH_TOKEN_ERROR, …; admin events: "UPDATE REALM", "ACTION CLIENT", …. */
  type: string;
  userId?: string;
  clientId?: string;
  sessionId?: string;
  ipAddress?: string;
  error?: string;
  details: Record<string, string>;
  admin?: AdminPart;
}

/**
 * Detail keys that carry no secret and that detections or people use. token_id, refresh_token_id,
 * code_id and anything else Keycloak adds are dropped.
 */
const SAFE_DETAILS = new Set([
  'reason',
  'grant_type',
  'refresh_token_type',
  'username',
  'auth_method',
  'num_failures',
  'not_before',
  'impersonator',
  'impersonator_id',
  'refresh_token_sub',
  'redirect_uri',
  'scope',
]);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function safeDetails(raw: unknown): Record<string, string> {
  if (!isRecord(raw)) return {};
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw))
    if (SAFE_DETAILS.has(key) && typeof value === 'string') kept[key] = value;
  return kept;
}

function parsedRepresentation(raw: unknown): Pick<AdminPart, 'representation' | 'representationItems'> {
  if (typeof raw !== 'string') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (isRecord(parsed)) return { representation: parsed };
  return Array.isArray(parsed) ? { representationItems: parsed.filter(isRecord) } : {};
}

/** A raw answer entry as a WatchEvent; undefined when it lacks an id or a time (nothing to place it by). */
export function toWatchEvent(stream: EventStream, realm: string, raw: unknown): WatchEvent | undefined {
  if (!isRecord(raw)) return undefined;
  const id = text(raw.id);
  const time = raw.time;
  if (id === undefined || typeof time !== 'number' || !Number.isSafeInteger(time)) return undefined;
  const details = safeDetails(raw.details);
  if (stream === 'user') {
    // A refresh-token error names its user only in details.refresh_token_sub (Keycloak 26.7).
    const userId = text(raw.userId) ?? details.refresh_token_sub;
    return {
      stream,
      id,
      time,
      realm,
      type: text(raw.type) ?? 'UNKNOWN',
      ...optional({
        userId,
        clientId: text(raw.clientId),
        sessionId: text(raw.sessionId),
        ipAddress: text(raw.ipAddress),
        error: text(raw.error),
      }),
      details,
    };
  }
  const auth = isRecord(raw.authDetails) ? raw.authDetails : {};
  const operationType = text(raw.operationType) ?? 'UNKNOWN';
  const resourceType = text(raw.resourceType) ?? 'UNKNOWN';
  const representation = parsedRepresentation(raw.representation);
  return {
    stream,
    id,
    time,
    realm,
    type: `${operationType} ${resourceType}`,
    ...optional({ ipAddress: text(auth.ipAddress), error: text(raw.error) }),
    details,
    admin: {
      operationType,
      resourceType,
      ...optional({
        resourcePath: text(raw.resourcePath),
        actorUserId: text(auth.userId),
        actorClientId: text(auth.clientId),
        actorRealmId: text(auth.realmId),
      }),
      ...representation,
    },
  };
}

function optional<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}
