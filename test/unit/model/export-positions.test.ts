/**
 * A realm export's source positions are found when asked (model/export/positions.ts), not
 * recorded per field while loading. These pin what a question gets: the key the adapter read,
 * nothing for a key it ignores (a finding then points at the entity), the last of two key
 * providers with one name, a mark from another adapter, and nothing at all without a file.
 */
import { describe, expect, it } from 'vitest';
import { exportFromParsed } from '../../../model/export/load-export.ts';
import { ExportPositions } from '../../../model/export/positions.ts';
import { representationToRealm } from '../../../model/export/to-settings.ts';
import { pathKey, positionOf, type LoadedRealm } from '../../../model/realm-settings.ts';
import { parseText } from '../../../model/source/parse-text.ts';

const TEXT = `{
  "realm": "meta",
  "accessTokenLifespan": 600,
  "clients": [
    {
      "clientId": "app",
      "secret": "**********",
      "publicClient": true,
      "redirectUris": ["https://a.example/*", "http://b.example/cb"],
      "attributes": { "pkce.code.challenge.method": "plain" }
    }
  ],
  "components": {
    "org.keycloak.keys.KeyProvider": [
      { "name": "rsa", "providerId": "rsa-generated", "config": { "priority": ["100"] } },
      { "name": "rsa", "providerId": "rsa-generated", "config": { "keySize": ["1024"] } }
    ]
  }
}
`;

function load(): LoadedRealm {
  const [realm] = exportFromParsed(parseText(TEXT, 'meta.json'));
  if (!realm) throw new Error('the export loads one realm');
  return realm;
}

const at = (line: number, column: number) => ({ file: 'meta.json', line, column });

describe('export positions found on demand', () => {
  it('point at the key the adapter read, for realm fields, client fields, attributes and list items', () => {
    const { source } = load();
    expect(positionOf(source, ['accessTokenLifespan'])).toEqual(at(3, 3));
    expect(positionOf(source, ['clients', 'app'])).toEqual(at(5, 5));
    expect(positionOf(source, ['clients', 'app', 'publicClient'])).toEqual(at(8, 7));
    expect(positionOf(source, ['clients', 'app', 'redirectUris', '1'])).toEqual(at(9, 47));
    expect(positionOf(source, ['clients', 'app', 'attributes', 'pkce.code.challenge.method'])).toEqual(at(10, 23));
  });

  it('give a key the adapter does not read no position of its own: the finding points at the entity', () => {
    const { source } = load();
    expect(source.positions.get(pathKey(['clients', 'app', 'secret']))).toBeUndefined();
    expect(positionOf(source, ['clients', 'app', 'secret'])).toEqual(at(5, 5));
    expect(positionOf(source, ['clients', 'nobody', 'publicClient'])).toBeUndefined();
  });

  it('answer for the last key provider of a name that has the field, as recording in file order did', () => {
    const { source } = load();
    expect(positionOf(source, ['keyProviders', 'rsa'])).toEqual(at(16, 7));
    expect(positionOf(source, ['keyProviders', 'rsa', 'keySize'])).toEqual(at(16, 67));
    expect(positionOf(source, ['keyProviders', 'rsa', 'priority'])).toEqual(at(15, 67));
  });

  it('resolve what another adapter marks, and nothing without a file', () => {
    const parsed = parseText(TEXT, 'meta.json');
    const positions = new ExportPositions(new Map(), parsed, []);
    positions.mark(['access', 'roles', 'x'], ['clients', 0, 'secret']);
    expect(positions.get(pathKey(['access', 'roles', 'x']))).toEqual(at(7, 7));
    expect(positions.size).toBe(1);

    const live = representationToRealm(JSON.parse(TEXT) as never, { kind: 'live', origin: 'https://kc/admin' });
    expect(positionOf(live.source, ['clients', 'app', 'publicClient'])).toBeUndefined();
  });
});
