/**
 * The `watch:` section of the policy config file: detection thresholds and the response mapping,
 * beside the rules' parameters. Read by its own small schema (the rules' reader skips the key);
 * an unknown or wrong key is one InputError naming file, line and key.
 */
import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { isMap, type Node } from 'yaml';
import { InputError } from '../model/errors.ts';
import { parseYamlDocument } from '../model/source/yaml-document.ts';
import { decodeUtf8 } from '../model/source/utf8.ts';

/** The playbooks a detection may be answered with (incident/playbooks, incident/actions). */
export const RESPONSES = ['contain-user', 'logout-user', 'disable-user'] as const;
export type ResponseName = (typeof RESPONSES)[number];

const Burst = Type.Object(
  { count: Type.Integer({ minimum: 1 }), windowSeconds: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

const WatchSectionSchema = Type.Object(
  {
    /** Login failures for one user within the window. */
    userFailures: Type.Optional(Burst),
    /** Login failures from one IP address within the window. */
    ipFailures: Type.Optional(Burst),
    /** Usernames or user ids whose logins from a new IP address are reported. */
    sensitiveUsers: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Detection kind → playbook, acted on with --respond. */
    respond: Type.Optional(Type.Record(Type.String(), Type.Union(RESPONSES.map((name) => Type.Literal(name))))),
    /** How far the cursor's floor trails the newest event (late commits), in milliseconds. */
    overlapMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);

export interface WatchConfig {
  userFailures: Static<typeof Burst>;
  ipFailures: Static<typeof Burst>;
  sensitiveUsers: string[];
  respond: Partial<Record<string, ResponseName>>;
  overlapMs: number;
  pageSize: number;
}

export const DEFAULT_WATCH_CONFIG: WatchConfig = {
  userFailures: { count: 5, windowSeconds: 60 },
  ipFailures: { count: 20, windowSeconds: 60 },
  sensitiveUsers: [],
  respond: { 'refresh-token-replay': 'contain-user' },
  overlapMs: 2_000,
  pageSize: 500,
};

export function parseWatchConfig(text: string, file: string): WatchConfig {
  const { document, lineCounter } = parseYamlDocument(text, file);
  const root = document.contents as Node | null;
  if (!isMap(root)) return DEFAULT_WATCH_CONFIG;
  const pair = root.items.find((item) => (item.key as { value?: unknown } | null)?.value === 'watch');
  if (!pair) return DEFAULT_WATCH_CONFIG;
  const section: unknown = (pair.value as Node | null)?.toJSON() ?? {};
  const errors = [...Value.Errors(WatchSectionSchema, section)];
  const first = errors[0];
  if (first) {
    const keyPath = `watch${first.path.replaceAll('/', '.')}`;
    const segments = first.path.split('/').filter(Boolean);
    // The offending node itself when it is there (a wrong value), else the section (a missing key).
    const node = (document.getIn(['watch', ...segments], true) as Node | undefined) ?? (pair.value as Node | null);
    const offset = node?.range?.[0];
    const position = offset === undefined ? undefined : lineCounter.linePos(offset);
    const message =
      segments[0] === 'respond' && segments.length === 2 ? `must be one of ${RESPONSES.join(', ')}` : first.message;
    throw new InputError(
      message,
      { file, line: position?.line, column: position?.col, keyPath },
      'see the watch section in README.md',
    );
  }
  const parsed = section as Static<typeof WatchSectionSchema>;
  return { ...DEFAULT_WATCH_CONFIG, ...parsed, respond: parsed.respond ?? DEFAULT_WATCH_CONFIG.respond };
}

export function loadWatchConfig(file: string | undefined): WatchConfig {
  if (file === undefined) return DEFAULT_WATCH_CONFIG;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? String(error)})`,
      { file },
      'pass an existing YAML file to --config',
    );
  }
  return parseWatchConfig(decodeUtf8(bytes, file), file);
}
