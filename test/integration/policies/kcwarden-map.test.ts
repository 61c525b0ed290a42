/**
 * Nothing kcwarden finds goes unanswered: kcwarden (0.18, from the bench's cached virtualenv;
 * scripts/kcwarden.sh installs it, and a missing Python or PyPI fails here saying so) audits the
 * weak full export taken from the real Keycloak, and every one of its findings has a counterpart —
 * the auditor's row in docs/kcwarden-parity.md names our rule(s), and our rules report one of them
 * on the same realm and entity — or is listed under "kcwarden findings we do not repeat" with the
 * test that shows it false on the server. The docs tables are the one place the map lives; this
 * test keeps them true.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { kcwardenPath } from '../../../bench/peer/tools.ts';
import { loadRealmFile } from '../../../model/load.ts';
import type { EntityKind, Finding } from '../../../policies/finding.ts';
import { allRules } from '../../../policies/rules/index.ts';
import { runRules } from '../../../policies/run.ts';

const WEAK = 'test/fixtures/exports/full-weak.json';
const PARITY_DOC = 'docs/kcwarden-parity.md';

interface KcwardenFinding {
  realm: string;
  entity: string;
  entity_type: string;
  reporting_auditor: string;
  severity: string;
}

/** kcwarden's entity types, as ours name them; 'Realm' findings are about realm settings (no entity). */
const ENTITY_KIND: Record<string, EntityKind | 'realm-settings'> = {
  Realm: 'realm-settings',
  Client: 'client',
  IdentityProvider: 'identity-provider',
  ClientScope: 'client-scope',
  Role: 'role',
  Group: 'group',
  ServiceAccount: 'service-account',
};

/**
 * auditor or monitor name → the rule ids its row names: the backticked ids of catalogue rules in
 * the "ours" column of the tables headed "kcwarden auditor|monitor | what it checks, exactly" (the
 * table of what kcwarden said on the fixtures is commentary, not the map).
 */
function parityMap(markdown: string): Map<string, string[]> {
  const ruleIds = new Set(allRules.map((rule) => rule.id));
  const map = new Map<string, string[]>();
  let inMapTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inMapTable = false;
      continue;
    }
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    if (/^kcwarden (auditor|monitor)\b/.test(cells[1] ?? '')) {
      inMapTable = cells[2] === 'what it checks, exactly';
      continue;
    }
    const name = /^([A-Z][A-Za-z]+)(?: \(\w+\))?$/.exec(cells[1] ?? '')?.[1];
    if (!inMapTable || !name) continue;
    const ours = [...(cells[3] ?? '').matchAll(/`([a-z0-9-]+)`/g)]
      .map((match) => match[1] ?? '')
      .filter((id) => ruleIds.has(id));
    map.set(name, [...new Set(ours)]);
  }
  return map;
}

/**
 * The table "kcwarden findings we do not repeat": auditor → the entities on the weak export where
 * its finding is false, each row naming the test that shows it on the server.
 */
function falseAlarms(markdown: string): Map<string, { entities: string[]; shownIn: string }> {
  const section = markdown.slice(markdown.indexOf('## kcwarden findings we do not repeat'));
  const alarms = new Map<string, { entities: string[]; shownIn: string }>();
  for (const line of section.split('\n').slice(1)) {
    if (line.startsWith('## ')) break;
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    const name = /^[A-Z][A-Za-z]+$/.exec(cells[1] ?? '')?.[0];
    if (!name || !cells[4]?.startsWith('test/')) continue;
    alarms.set(name, { entities: (cells[2] ?? '').split(',').map((entity) => entity.trim()), shownIn: cells[4] });
  }
  return alarms;
}

async function kcwardenFindings(file: string): Promise<KcwardenFinding[]> {
  const executable = await kcwardenPath();
  const { stdout } = await promisify(execFile)(executable, ['audit', file, '--format', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as KcwardenFinding[];
}

/** Ours under both profiles: a counterpart that only the strict profile reports still counts. */
async function ourFindings(file: string): Promise<Finding[]> {
  const realms = await loadRealmFile(file);
  return [...runRules(realms, { profile: 'baseline' }).findings, ...runRules(realms, { profile: 'strict' }).findings];
}

function answers(ours: Finding[], theirs: KcwardenFinding, ruleIds: readonly string[]): boolean {
  const kind = ENTITY_KIND[theirs.entity_type];
  return ours.some(
    (finding) =>
      ruleIds.includes(finding.ruleId) &&
      finding.realm === theirs.realm &&
      (kind === 'realm-settings'
        ? finding.entity === undefined
        : finding.entity?.kind === kind && finding.entity?.id === theirs.entity),
  );
}

describe('kcwarden parity on the weak full export', () => {
  it('maps every kcwarden finding to a rule of ours that reports the same entity', async () => {
    const markdown = readFileSync(PARITY_DOC, 'utf8');
    const map = parityMap(markdown);
    const alarms = falseAlarms(markdown);
    const [theirs, ours] = await Promise.all([kcwardenFindings(WEAK), ourFindings(WEAK)]);
    expect(theirs.length).toBeGreaterThan(40);
    const isFalseAlarm = (finding: KcwardenFinding) =>
      alarms.get(finding.reporting_auditor)?.entities.includes(finding.entity) === true;
    // Every listed false alarm is one kcwarden really reports here, and its test exists.
    for (const [auditor, { entities, shownIn }] of alarms) {
      expect(existsSync(shownIn), shownIn).toBe(true);
      for (const entity of entities)
        expect(
          theirs.some((finding) => finding.reporting_auditor === auditor && finding.entity === entity),
          `${auditor} on ${entity}`,
        ).toBe(true);
    }
    const unanswered = theirs
      .filter((finding) => !isFalseAlarm(finding))
      .filter((finding) => !answers(ours, finding, map.get(finding.reporting_auditor) ?? []))
      .map(
        (finding) =>
          `${finding.reporting_auditor} on ${finding.entity_type} ${finding.entity} (docs row names: ${
            (map.get(finding.reporting_auditor) ?? []).join(', ') || 'nothing'
          })`,
      );
    expect(unanswered).toEqual([]);
  }, 180_000);

  it('names a rule of ours for every auditor and monitor in the docs table', () => {
    const map = parityMap(readFileSync(PARITY_DOC, 'utf8'));
    expect(map.size).toBeGreaterThanOrEqual(57);
    const without = [...map].filter(([, ids]) => ids.length === 0).map(([name]) => name);
    expect(without).toEqual([]);
  });
});
