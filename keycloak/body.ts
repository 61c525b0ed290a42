/**
 * Reading an answer's body with a size cap: a misbehaving or hostile server could otherwise make
 * node buffer gigabytes (a 2 GiB body once crashed it at 4.3 GB). The body is streamed and the
 * connection dropped as soon as the cap is passed. Then parsed: an answer that should be JSON and
 * is not (an HTML login page, a proxy's error page) becomes one line naming the endpoint and
 * what came back.
 */
import { IncidentError } from './errors.ts';
import { describe, type RequestSpec } from './request-spec.ts';

/** Default cap: far above any realm's admin answer (a 68,000-client realm pages at 200 clients). */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 3 : 0)} MiB`;
}

function tooLarge(spec: Pick<RequestSpec, 'method' | 'path'>, cap: number): IncidentError {
  return new IncidentError(
    'bad-answer',
    `${describe(spec)} answered with a body larger than ${mib(cap)}: stopped reading — is the URL a Keycloak server? (raise the cap with --max-response-mib if it is)`,
  );
}

/** The body as text, at most cap bytes; larger bodies are cut off and refused. */
export async function readCapped(
  response: Response,
  cap: number,
  spec: Pick<RequestSpec, 'method' | 'path'>,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(spec, cap);
  }
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader(); // fetch bodies are bytes
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(spec, cap);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

// eslint-disable-next-line no-control-regex -- control characters are what a sample must not show
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** A short, printable sample of what came back (control characters shown as '·'). */
export function sample(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').replace(UNPRINTABLE, '·').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/**
 * The answer of a 2xx: undefined for an empty body, else JSON. Anything else is a bad answer.
 * Error answers (non-2xx) keep plain text: Keycloak and proxies explain themselves in words.
 */
export function parseAnswer(
  text: string,
  contentType: string | null,
  ok: boolean,
  spec: Pick<RequestSpec, 'method' | 'path'>,
): unknown {
  if (text.trim() === '') return ok ? undefined : '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (!ok) return text;
    throw new IncidentError(
      'bad-answer',
      `${describe(spec)} answered ${contentType ? `${contentType.split(';')[0]}` : 'a body'} that is not JSON ("${sample(text)}") — is KEYCLOAK_URL the root of a Keycloak server, not a proxy or login page?`,
    );
  }
}
