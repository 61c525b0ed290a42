/**
 * The baseline edits an incident action prints are real baseline YAML: merged into the shipped
 * hardened baseline the way their comment says (a provider by name, a client by clientId, the
 * compromised names appended), the result loads with the real baseline loader and declares the
 * state the response left behind.
 */
import { readFileSync } from 'node:fs';
import { isMap, isSeq, parse, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { disabledClientEdit, keyRotationEdit } from '../../../incident/baseline-edit.ts';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { planBaseline } from '../../../components/hardened-realm-from-baseline.ts';

const HARDENED_FILE = new URL('../../../baselines/hardened.yaml', import.meta.url);
const hardened = readFileSync(HARDENED_FILE, 'utf8');

/** Puts each entry of `edits` into the list at `path`: in place of the entry with the same `key` (or onto it, when `onto`), else appended. */
function mergeEntries(
  document: Document,
  path: string[],
  key: string,
  edits: Array<Record<string, unknown>>,
  onto: boolean,
): void {
  const list = document.getIn(path);
  if (!isSeq(list)) throw new Error(`${path.join('.')} is not a list in the baseline`);
  for (const edit of edits) {
    const index = list.items.findIndex((item) => isMap(item) && item.get(key) === edit[key]);
    const existing = list.items[index];
    if (index < 0 || !isMap(existing)) list.add(document.createNode(edit));
    else if (onto) for (const [field, value] of Object.entries(edit)) existing.set(field, value);
    else list.set(index, document.createNode(edit));
  }
}

/** Applies a printed edit to a baseline text as the edit's own comment says: providers replaced by name, fields set on a client. */
function applyEdit(baseline: string, edit: string): string {
  const document = parseDocument(baseline);
  const snippet = parse(edit) as {
    keys?: { providers?: Array<Record<string, unknown>>; compromised?: string[] };
    clients?: Array<Record<string, unknown>>;
  };
  if (snippet.keys?.providers) mergeEntries(document, ['keys', 'providers'], 'name', snippet.keys.providers, false);
  if (snippet.keys?.compromised) {
    const existing = (document.getIn(['keys', 'compromised']) as { toJSON(): string[] } | undefined)?.toJSON() ?? [];
    document.setIn(['keys', 'compromised'], [...existing, ...snippet.keys.compromised]);
  }
  if (snippet.clients) mergeEntries(document, ['clients'], 'clientId', snippet.clients, true);
  return document.toString();
}

describe('baseline edits merge into a real baseline', () => {
  it('emergency rotation: the old key is retired (gone) and listed as compromised, the new one signs', () => {
    const edit = keyRotationEdit('acme', {
      old: { name: 'rsa-2026-11', providerId: 'rsa-generated', state: 'retired', kid: 'kid-of-rsa-2026-11' },
      created: {
        name: 'rsa-generated-20261121-160211',
        providerId: 'rsa-generated',
        priority: 300,
        algorithm: 'RS256',
        keySize: 4096,
      },
      compromised: true,
    });
    const { settings } = loadBaselineText(applyEdit(hardened, edit), 'hardened+edit.yaml');
    expect(settings.keyProviders.map((key) => key.name)).not.toContain('rsa-2026-11');
    expect(settings.compromisedKeys).toEqual(['rsa-2026-11', 'kid-of-rsa-2026-11']);
    expect(settings.keyProviders.find((key) => key.name === 'rsa-generated-20261121-160211')).toMatchObject({
      providerId: 'rsa-generated',
      enabled: true,
      active: true,
      priority: 300,
      algorithm: 'RS256',
      keySize: 4096,
    });
  });

  it('emergency rotation of the passive key: retired (its passiveSince goes with the entry)', () => {
    const edit = keyRotationEdit('acme', {
      old: { name: 'rsa-2026-05', providerId: 'rsa-generated', state: 'retired', kid: 'kid-of-rsa-2026-05' },
      created: { name: 'rsa-2026-11b', providerId: 'rsa-generated', priority: 300, algorithm: 'RS256', keySize: 2048 },
      compromised: true,
    });
    const { settings } = loadBaselineText(applyEdit(hardened, edit), 'hardened+edit.yaml');
    expect(settings.keyProviders.map((key) => key.name)).not.toContain('rsa-2026-05');
    expect(settings.compromisedKeys).toEqual(['rsa-2026-05', 'kid-of-rsa-2026-05']);
  });

  it('routine rotation: the old key stays, passive since today with its own options, the new one is active', () => {
    const edit = keyRotationEdit(
      'acme',
      {
        old: {
          name: 'rsa-2026-11',
          providerId: 'rsa-generated',
          priority: 200,
          algorithm: 'RS256',
          keySize: 4096,
          state: 'passive',
        },
        created: { name: 'rsa-2027-05', providerId: 'rsa-generated', priority: 300, algorithm: 'RS256', keySize: 4096 },
        compromised: false,
      },
      new Date('2027-05-02T10:00:00Z'),
    );
    const { settings } = loadBaselineText(applyEdit(hardened, edit), 'hardened+edit.yaml');
    expect(settings.keyProviders.find((key) => key.name === 'rsa-2026-11')).toMatchObject({
      enabled: true,
      active: false,
      passiveSince: '2027-05-02',
      priority: 200,
      algorithm: 'RS256',
      keySize: 4096,
    });
    expect(settings.keyProviders.find((key) => key.name === 'rsa-2027-05')).toMatchObject({
      active: true,
      priority: 300,
    });
    expect(settings.compromisedKeys).toEqual([]);
  });

  it('a key the incident created carries its Keycloak id, so the component adopts it instead of creating another', () => {
    const edit = keyRotationEdit('acme', {
      old: { name: 'rsa-2026-11', providerId: 'rsa-generated', state: 'retired', kid: 'kid-of-rsa-2026-11' },
      created: {
        name: 'rsa-2026-11c',
        providerId: 'rsa-generated',
        priority: 300,
        algorithm: 'RS256',
        keySize: 4096,
        id: '6f1c1d8e-0000-4000-8000-000000000001',
      },
      compromised: true,
    });
    expect(edit).toMatch(/pulumi refresh/);
    const merged = loadBaselineText(applyEdit(hardened, edit), 'hardened+edit.yaml');
    expect(merged.settings.keyProviders.find((key) => key.name === 'rsa-2026-11c')?.id).toBe(
      '6f1c1d8e-0000-4000-8000-000000000001',
    );
    const plan = planBaseline(merged);
    expect(plan.keys.find((key) => key.name === 'rsa-2026-11c')?.importId).toBe(
      `acme/6f1c1d8e-0000-4000-8000-000000000001`,
    );
    expect(plan.keys.find((key) => key.name === 'rsa-2026-05')?.importId).toBeUndefined();
  });

  it('disable-client: the declared client is disabled, its other settings kept', () => {
    const before = loadBaselineText(hardened, 'hardened.yaml').settings.clients.find(
      (client) => client.clientId === 'web-app',
    );
    expect(before?.enabled).toBe(true);
    const { settings } = loadBaselineText(
      applyEdit(hardened, disabledClientEdit('acme', 'web-app')),
      'hardened+edit.yaml',
    );
    const after = settings.clients.find((client) => client.clientId === 'web-app');
    expect(after?.enabled).toBe(false);
    expect(after?.redirectUris).toEqual(before?.redirectUris);
  });

  it('a client the baseline does not declare is added disabled', () => {
    const { settings } = loadBaselineText(
      applyEdit(hardened, disabledClientEdit('acme', 'partner')),
      'hardened+edit.yaml',
    );
    expect(settings.clients.find((client) => client.clientId === 'partner')?.enabled).toBe(false);
  });
});
