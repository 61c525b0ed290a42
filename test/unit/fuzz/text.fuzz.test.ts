/**
 * Fuzz: the escaper, JSON output, the report formats and the duration reader. Whatever the text,
 * nothing that can act on a terminal survives visible(), JSON output still parses to the same
 * data, and a duration is read or refused with a DurationError — never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFindings, OUTPUT_FORMATS } from '../../../cli/format/index.ts';
import {
  DurationError,
  keycloakDurationProblem,
  parseDuration,
  type NonPositiveMeaning,
} from '../../../model/durations.ts';
import { safeJson, visible } from '../../../model/source/visible-text.ts';
import { SEVERITIES, type Finding } from '../../../policies/finding.ts';
import { hostileJson, hostileString, RAW_CONTROL } from './arbitraries.ts';
import { breathe, fuzz, timeout } from './settings.ts';

describe('fuzz: visible() and safeJson()', () => {
  it(
    'visible: no unsafe character is left, safe text is unchanged, lines stay one line',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileString, async (text) => {
          await breathe();
          const shown = visible(text);
          expect(shown).not.toMatch(RAW_CONTROL);
          expect(shown).not.toContain('\n');
          expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
          if (!/[\p{Cc}\p{Bidi_Control}\u2028\u2029\p{Cs}]/u.test(text)) expect(shown).toBe(text);
          expect(visible(shown)).toBe(shown); // escapes are themselves safe
        }),
        fuzz('visible: any text'),
      );
    },
    timeout(20_000),
  );

  it(
    'safeJson: parses back to the same value, with nothing raw in it',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileJson, async (value) => {
          await breathe();
          const text = safeJson(value);
          expect(text.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        }),
        fuzz('safeJson: any value'),
      );
    },
    timeout(20_000),
  );
});

describe('fuzz: report formats', () => {
  const finding = fc.record({
    ruleId: fc.constantFrom('ssl-required', 'redirect-uri-wildcard', 'no-such-rule'),
    severity: fc.constantFrom(...SEVERITIES),
    realm: hostileString,
    entity: fc.option(
      fc.record({ kind: fc.constantFrom('client' as const, 'key-provider' as const), id: hostileString }),
      { nil: undefined },
    ),
    path: fc.array(hostileString, { minLength: 1, maxLength: 4 }),
    messageId: fc.constant('m'),
    message: hostileString,
    location: fc.option(fc.record({ file: hostileString, line: fc.nat(), column: fc.nat() }), { nil: undefined }),
    fingerprint: fc.stringMatching(/^[0-9a-f]{8}$/),
  });
  const run = fc.record({
    realm: hostileString,
    profile: fc.constantFrom('baseline' as const, 'strict' as const),
    origin: hostileString,
  });

  it(
    'every format renders any findings; text and markdown show nothing raw; json parses',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(finding, { maxLength: 6 }),
          fc.array(run, { maxLength: 3 }),
          fc.constantFrom(...OUTPUT_FORMATS),
          async (findings, realms, format) => {
            await breathe();
            const input = {
              findings: findings.map(
                (entry) =>
                  Object.fromEntries(
                    Object.entries(entry).filter(([, value]) => value !== undefined),
                  ) as unknown as Finding,
              ),
              realms,
            };
            const report = formatFindings(input, format, { color: false });
            if (format === 'json' || format === 'sarif') expect(() => JSON.parse(report) as unknown).not.toThrow();
            // JSON keeps \n inside strings escaped by JSON itself; every format is free of raw controls.
            expect(report.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
          },
        ),
        fuzz('formats: hostile findings'),
      );
    },
    timeout(30_000),
  );
});

describe('fuzz: durations', () => {
  it(
    'parseDuration reads or throws DurationError; Keycloak meaning for any whole number',
    async () => {
      const meaning = fc.constantFrom<NonPositiveMeaning>('session-max', 'default', 'fallback', 'unknown');
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(hostileString, fc.stringMatching(/^(\d{1,12}[wdhms]){1,4}$/), fc.integer(), fc.double()),
          meaning,
          async (value, kind) => {
            await breathe();
            try {
              const seconds = parseDuration(value);
              expect(Number.isSafeInteger(seconds) && seconds >= 0 && seconds <= 2_147_483_647).toBe(true);
            } catch (error) {
              if (!(error instanceof DurationError)) throw error;
            }
            if (typeof value === 'number' && Number.isSafeInteger(value)) {
              const problem = keycloakDurationProblem(value, kind);
              expect(problem === undefined).toBe(value >= 0 && value <= 2_147_483_647);
            }
          },
        ),
        fuzz('durations: any value'),
      );
    },
    timeout(20_000),
  );
});
