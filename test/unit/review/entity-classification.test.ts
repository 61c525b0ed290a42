/**
 * diff's classification of issue 14's entities (review/classify/entity-*.ts): one crafted change
 * per case, exactly one classified change with the expected effect; secrets never compared; a
 * part one side does not carry is not compared.
 */
import { describe, expect, it } from 'vitest';
import { diffRealm } from '../../../review/diff-realms.ts';
import { changed, shopRealm } from '../../support/fixtures.ts';
import { addEntities, ENTITY_CASES, ENTITY_STARTS } from './entity-classification-cases.ts';

describe('entity classification: one change, one verdict', () => {
  it.each(ENTITY_CASES)('$name', (entityCase) => {
    const base = changed(shopRealm(), ENTITY_STARTS[entityCase.name] ?? addEntities);
    const changes = diffRealm(base, changed(base, entityCase.edit));
    const matching = changes.filter((change) => change.path.join('.') === entityCase.path);
    expect(matching, `changes: ${JSON.stringify(changes.map((c) => [c.path.join('.'), c.effect]))}`).toHaveLength(1);
    expect(changes).toHaveLength(1);
    const [change] = matching;
    expect(change?.effect).toBe(entityCase.effect);
    expect(change?.reason.length).toBeGreaterThan(0);
    if ('before' in entityCase) expect(change?.before).toEqual(entityCase.before);
    if ('after' in entityCase) expect(change?.after).toEqual(entityCase.after);
  });

  it('reports nothing for identical realms with every entity part', () => {
    const realm = changed(shopRealm(), addEntities);
    expect(diffRealm(realm, structuredClone(realm))).toEqual([]);
  });

  it('never compares or shows an identity provider secret', () => {
    const base = changed(shopRealm(), addEntities);
    const head = changed(base, (r) => {
      r.identityProviders![0]!.config.clientSecret = 'new-secret-value';
    });
    const changes = diffRealm(base, head);
    expect(changes).toEqual([]);
    const added = diffRealm(
      base,
      changed(base, (r) => {
        r.identityProviders![0]!.config.idpPrivateKey = 'private-key-value';
      }),
    );
    expect(JSON.stringify(added)).not.toMatch(/secret-value|private-key-value/);
  });

  it('a part only one side carries is not compared (that source does not say)', () => {
    const withParts = changed(shopRealm(), addEntities);
    expect(diffRealm(shopRealm(), withParts)).toEqual([]);
    expect(diffRealm(withParts, shopRealm())).toEqual([]);
  });
});
