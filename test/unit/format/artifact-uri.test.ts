/** One artifactUri for the findings and the drift SARIF results (they used to differ outside the working directory). */
import { describe, expect, it } from 'vitest';
import { artifactUri } from '../../../cli/format/artifact-uri.ts';
import { sarifLog } from '../../../cli/format/sarif.ts';
import { withDriftSarif } from '../../../cli/format/review/drift.ts';
import type { SettingChange } from '../../../review/change.ts';

describe('artifactUri', () => {
  it('is repository-relative with forward slashes inside the working directory', () => {
    expect(artifactUri('/repo/baselines/shop.yaml', '/repo')).toBe('baselines/shop.yaml');
    expect(artifactUri('baselines/shop.yaml', '/repo')).toBe('baselines/shop.yaml');
    expect(artifactUri('..shop.yaml', '/repo')).toBe('..shop.yaml');
  });

  it('is a file:// URI outside it, resolved against the working directory given', () => {
    expect(artifactUri('/elsewhere/shop.yaml', '/repo')).toBe('file:///elsewhere/shop.yaml');
    expect(artifactUri('../elsewhere/a b.yaml', '/repo/sub')).toBe('file:///repo/elsewhere/a%20b.yaml');
  });

  it('gives the drift results the same URI as the findings', () => {
    const drift: SettingChange[] = [
      {
        realm: 'shop',
        entity: { kind: 'realm', id: 'shop' },
        setting: 'accessTokenLifespan',
        path: ['accessTokenLifespan'],
        before: 300,
        after: 1800,
        effect: 'weakens',
        reason: 'longer',
      },
    ];
    const log = withDriftSarif(sarifLog({ findings: [] }, [], '/repo'), drift, '/elsewhere/shop.yaml', '/repo');
    expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(
      artifactUri('/elsewhere/shop.yaml', '/repo'),
    );
    expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(
      'file:///elsewhere/shop.yaml',
    );
  });
});
