import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { KEYCLOAK_RELEASES } from '../../../../model/keycloak-releases.ts';
import keycloakVersion from '../../../../policies/rules/realm/keycloak-version.ts';
import { releasesFromMetadata, renderReleases } from '../../../../scripts/update-keycloak-releases.ts';
import { ruleTable } from '../rule-table.ts';

/** Picked from the list, so the table holds when the list is regenerated. */
const newest = KEYCLOAK_RELEASES.at(-1) ?? '';
const lineOf = (version: string) => `${String(semver.major(version))}.${String(semver.minor(version))}`;
const olderLine = KEYCLOAK_RELEASES.filter((version) => lineOf(version) !== lineOf(newest));
const newestOfOlderLine = olderLine.at(-1) ?? '';
const firstOfOlderLine = olderLine.find((version) => lineOf(version) === lineOf(newestOfOlderLine)) ?? '';

ruleTable(keycloakVersion, {
  valid: [
    { name: 'no version in the input (a baseline)', change: (realm) => delete realm.keycloakVersion },
    { name: 'the newest release', change: (realm) => (realm.keycloakVersion = newest) },
    { name: 'a vendor build', change: (realm) => (realm.keycloakVersion = `${firstOfOlderLine}.redhat-00001`) },
    { name: 'a snapshot', change: (realm) => (realm.keycloakVersion = '999.0.0-SNAPSHOT') },
    { name: 'a line newer than the list knows', change: (realm) => (realm.keycloakVersion = '99.0.0') },
  ],
  invalid: [
    {
      name: 'behind the newest patch of its line',
      change: (realm) => (realm.keycloakVersion = firstOfOlderLine),
      errors: [{ messageId: 'patchBehind', path: ['keycloakVersion'] }],
    },
    {
      name: 'the newest patch of an older line',
      change: (realm) => (realm.keycloakVersion = newestOfOlderLine),
      errors: [{ messageId: 'lineBehind', path: ['keycloakVersion'], severity: 'info' }],
    },
  ],
});

describe('the known Keycloak releases', () => {
  it('hold an older line with several patches, so the table above tests both messages', () => {
    expect(firstOfOlderLine).not.toBe(newestOfOlderLine);
    expect(semver.lt(newestOfOlderLine, newest)).toBe(true);
  });

  it("are read from Maven Central's metadata: releases only, sorted, oldest major 24", () => {
    const xml = ['26.0.10', '23.0.7', '26.0.9', '25.0.0', '26.1.0-SNAPSHOT', '26.0.10.redhat-00001', '999.0.0-SNAPSHOT']
      .map((version) => `<version>${version}</version>`)
      .join('');
    expect(releasesFromMetadata(xml)).toEqual(['25.0.0', '26.0.9', '26.0.10']);
    expect(renderReleases(['26.0.9'], '2026-11-30')).toContain(
      "export const KEYCLOAK_RELEASES_CHECKED = '2026-11-30';",
    );
  });
});
