/**
 * Loading and validating a large realm export (5,000 clients, ~12 MiB) through loadRealmFile —
 * parse with positions, schema check, adapt to the model with Keycloak's defaults — beside a
 * plain JSON.parse of the same file, and beside parsing it with the `yaml` package (what the
 * baseline loader uses; JSON goes through jsonc-parser instead because of this figure).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadRealmFile } from '../model/load.ts';
import type { Report } from './run.ts';
import { medianMs } from './measure.ts';
import { largeRealmExport } from './fixtures/large-export.ts';

const CLIENTS = 5_000;
const RUNS = 5;

export default async function (report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'realmguard-bench-'));
  try {
    const file = join(dir, 'large-export.json');
    const text = largeRealmExport(CLIENTS);
    await writeFile(file, text);
    report({
      name: `realm export size (${CLIENTS.toLocaleString('en')} clients)`,
      value: Buffer.byteLength(text) / 1_048_576,
      unit: 'MiB',
    });

    const [loaded] = await loadRealmFile(file); // warm-up, and a sanity check of what is measured
    if (loaded?.settings.clients.length !== CLIENTS)
      throw new Error(`expected ${CLIENTS} clients, loaded ${loaded?.settings.clients.length}`);
    report({
      name: 'source positions held ready (the rest resolve on demand)',
      value: loaded.source.positions.size,
      unit: 'count',
    });

    const ours = await medianMs(RUNS, () => loadRealmFile(file));
    const plain = await medianMs(RUNS, async () => JSON.parse(await readFile(file, 'utf8')));
    report({
      name: 'loadRealmFile: read + parse + validate + adapt',
      value: ours,
      unit: 'ms',
      note: `median of ${RUNS}`,
    });
    report({
      name: 'JSON.parse of the same file (read + parse only)',
      value: plain,
      unit: 'ms',
      note: `median of ${RUNS}`,
    });
    report({ name: 'ratio loadRealmFile / JSON.parse', value: ours / plain, unit: 'ratio' });

    const hardened = fileURLToPath(new URL('../baselines/hardened.yaml', import.meta.url));
    const baseline = await medianMs(RUNS, () => loadRealmFile(hardened));
    report({
      name: 'loadRealmFile baselines/hardened.yaml (YAML, schema, profile)',
      value: baseline,
      unit: 'ms',
      note: `median of ${RUNS}`,
    });

    const start = performance.now();
    parseDocument(text);
    report({
      name: 'yaml parseDocument of the same file (not used for JSON)',
      value: performance.now() - start,
      unit: 'ms',
      note: 'one run',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
