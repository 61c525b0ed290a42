/**
 * How the live reader asks: each GET described as data (what it is for, path template, the
 * realm-management role it needs), answers checked for shape before use, collections read in
 * pages. A server answering HTML or an object where a list belongs is an InputError naming the
 * read, never a crash.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { InputError } from '../errors.ts';

/** The realm-management view roles the reader needs (for a master-realm account: the `<realm>-realm` client's). */
export type LiveRole = 'view-realm' | 'view-clients' | 'view-users' | 'view-identity-providers';

/** One GET of the reader: what it is for, its path template and values, the role it needs. */
export interface LiveRead {
  what: string;
  /** Below the server URL, holes in braces: '/admin/realms/{realm}/clients/{id}'. */
  template: string;
  params: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number>>;
  role: LiveRole;
}

/** Where the reader gets its answers: the server's URL (for messages) and one GET at a time. */
export interface LiveSource {
  /** The server URL, e.g. https://sso.example.com (never with credentials). */
  url: string;
  /** The parsed answer of the GET, or undefined when the server answers 404. */
  get(read: LiveRead): Promise<unknown>;
}

/** Collections are listed in pages of this size (?first&max). */
export const PAGE_SIZE = 200;

/**
 * Per-entity reads (one per identity provider, service account, composite role, flow) run at most
 * this many at a time: enough to hide the round trips, few enough not to load a shared server.
 */
const PER_ENTITY_CONCURRENCY = 8;

const REALM = '/admin/realms/{realm}';

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing (404)';
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : `a ${typeof value === 'object' ? 'JSON object' : typeof value}`;
}

/** The reads of one realm: built on a source, sharing one concurrency limit. */
export class RealmReads {
  readonly base: string;
  readonly origin: string;
  /** Bounds the per-entity reads (never per client: those would grow with the realm). */
  readonly limit: LimitFunction = pLimit(PER_ENTITY_CONCURRENCY);

  constructor(
    readonly source: LiveSource,
    readonly realm: string,
  ) {
    this.base = source.url.replace(/\/+$/, '');
    this.origin = `${this.base}/admin/realms/${encodeURIComponent(realm)}`;
  }

  /** A read below the realm; `path` may hold more holes, filled from `params`. */
  read(
    what: string,
    path: string,
    role: LiveRole,
    params: Readonly<Record<string, string>> = {},
    query?: LiveRead['query'],
  ): LiveRead {
    return {
      what,
      template: `${REALM}${path}`,
      params: { realm: this.realm, ...params },
      role,
      ...(query && { query }),
    };
  }

  get(step: LiveRead): Promise<unknown> {
    return this.source.get(step);
  }

  wrongShape(step: LiveRead, expected: string, got: unknown): InputError {
    return new InputError(
      `the server answered '${step.what}' (GET ${step.template}) with ${kindOf(got)}, not ${expected}`,
      { file: this.origin },
      'check that the server is a Keycloak 26 and the URL points at its root',
    );
  }

  async list(step: LiveRead): Promise<unknown[]> {
    const answer = await this.source.get(step);
    if (!Array.isArray(answer)) throw this.wrongShape(step, 'a list', answer);
    return answer as unknown[]; // Array.isArray narrows to any[]; the items are still unchecked
  }

  async object(step: LiveRead): Promise<JsonObject> {
    const answer = await this.source.get(step);
    if (!isRecord(answer)) throw this.wrongShape(step, 'a JSON object', answer);
    return answer;
  }

  /** A list of JSON objects (anything else in it is a wrong shape). */
  async objects(step: LiveRead): Promise<JsonObject[]> {
    const items = await this.list(step);
    const wrong = items.find((item) => !isRecord(item));
    if (wrong !== undefined) throw this.wrongShape(step, 'a list of JSON objects', wrong);
    return items as JsonObject[];
  }

  /** Every page of a collection: one request per PAGE_SIZE items, whatever the realm's size. */
  async pages(
    what: string,
    path: string,
    role: LiveRole,
    params: Readonly<Record<string, string>> = {},
    query: Readonly<Record<string, string | number>> = {},
  ): Promise<JsonObject[]> {
    const all: JsonObject[] = [];
    for (let first = 0; ; first += PAGE_SIZE) {
      const items = await this.objects(this.read(what, path, role, params, { ...query, first, max: PAGE_SIZE }));
      all.push(...items);
      if (items.length < PAGE_SIZE) return all;
    }
  }

  /** Runs one read per item under the shared limit. */
  each<T, R>(items: readonly T[], readOne: (item: T) => Promise<R>): Promise<R[]> {
    return Promise.all(items.map((item) => this.limit(() => readOne(item))));
  }
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
