/**
 * One case per kind of bad input, shared by the loader tests (through the functions) and the
 * CLI tests (through `node bin/realmguard.js validate`). Each names the exact problem line.
 */
export interface BadInput {
  kind: string;
  /** File name (its extension decides JSON or YAML). */
  file: string;
  text: string;
  /** The one-line problem validate must print (a regular expression over `file:line:col: key: message — hint`). */
  expected: RegExp;
}

const billionLaughs = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'realm: bomb',
].join('\n');

export const BAD_INPUTS: BadInput[] = [
  {
    kind: 'YAML syntax error',
    file: 'syntax.yaml',
    text: 'realm: acme\ntokens:\n  accessTokenLifespan: "5m\n',
    expected: /^syntax\.yaml:4:1: YAML syntax error: .* — fix the YAML syntax/,
  },
  {
    kind: 'JSON syntax error',
    file: 'syntax.json',
    text: '{\n  "realm": "acme",\n  "enabled": true,\n}\n',
    expected: /^syntax\.json:4:1: JSON syntax error: a property name \(in double quotes\) was expected — /,
  },
  {
    kind: 'unknown key with a suggestion',
    file: 'typo.yaml',
    text: 'realm: acme\ntokens:\n  acessTokenLifespan: 5m\n',
    expected:
      /^typo\.yaml:3:3: tokens\.acessTokenLifespan: unknown key 'acessTokenLifespan' — did you mean 'accessTokenLifespan'\?$/,
  },
  {
    kind: 'unknown key without a close match',
    file: 'unknown.yaml',
    text: 'realm: acme\nsessions:\n  zzz: 1\n',
    expected: /^unknown\.yaml:3:3: sessions\.zzz: unknown key 'zzz' — allowed here: ssoSessionIdleTimeout, /,
  },
  {
    kind: 'wrong type',
    file: 'type.yaml',
    text: 'realm: acme\ntokens:\n  revokeRefreshToken: "true"\n',
    expected:
      /^type\.yaml:3:3: tokens\.revokeRefreshToken: expected true or false, got the text 'true' — write true or false/,
  },
  {
    kind: 'wrong type in a realm export',
    file: 'type.json',
    text: '{\n  "realm": "acme",\n  "accessTokenLifespan": "300"\n}\n',
    expected:
      /^type\.json:3:3: accessTokenLifespan: expected a whole number, got the text '300' — write a whole number without quotes$/,
  },
  {
    kind: 'bad duration',
    file: 'duration.yaml',
    text: 'realm: acme\nsessions:\n  ssoSessionIdleTimeout: 30 minutes\n',
    expected:
      /^duration\.yaml:3:3: sessions\.ssoSessionIdleTimeout: bad duration '30 minutes' — write whole seconds \(300\) or a number with a unit/,
  },
  {
    kind: 'negative duration',
    file: 'negative.yaml',
    text: 'realm: acme\ntokens:\n  accessTokenLifespan: -5\n',
    expected: /^negative\.yaml:3:3: tokens\.accessTokenLifespan: bad duration -5 — /,
  },
  {
    kind: 'duplicate key (YAML)',
    file: 'dup.yaml',
    text: 'realm: acme\ntokens:\n  accessTokenLifespan: 5m\n  accessTokenLifespan: 10m\n',
    expected: /^dup\.yaml:4:3: duplicate key 'accessTokenLifespan' — keep one of them/,
  },
  {
    kind: 'duplicate key (JSON)',
    file: 'dup.json',
    text: '{\n  "realm": "acme",\n  "realm": "other"\n}\n',
    expected: /^dup\.json:3:3: realm: duplicate key 'realm' — keep one of them/,
  },
  {
    kind: 'alias bomb',
    file: 'bomb.yaml',
    text: billionLaughs,
    expected: /^bomb\.yaml: too many YAML alias expansions \(more than 100\): refusing a possible alias bomb — /,
  },
  { kind: 'empty file', file: 'empty.yaml', text: '', expected: /^empty\.yaml: the file is empty — write a baseline/ },
  {
    kind: 'only comments',
    file: 'comments.yaml',
    text: '# nothing here\n# yet\n',
    expected: /^comments\.yaml:1:1: the file has no content/,
  },
  {
    kind: 'not a mapping',
    file: 'scalar.yaml',
    text: 'just some text\n',
    expected: /^scalar\.yaml:1:1: a baseline is a mapping with 'realm:' and its sections, not a single string — /,
  },
  {
    kind: 'missing realm',
    file: 'norealm.yaml',
    text: 'profile: strict\n',
    expected: /^norealm\.yaml:1:1: missing required key 'realm' — add 'realm:' here$/,
  },
  {
    kind: 'value not in the list',
    file: 'enum.yaml',
    text: 'realm: acme\nprofile: strikt\n',
    expected: /^enum\.yaml:2:1: profile: the text 'strikt' is not allowed here — did you mean 'strict'\?/,
  },
  {
    kind: 'several documents',
    file: 'multi.yaml',
    text: 'realm: a\n---\nrealm: b\n',
    expected: /^multi\.yaml:2:1: the file holds more than one YAML document — put one realm per file$/,
  },
  {
    kind: 'duplicate client',
    file: 'dupclient.yaml',
    text: 'realm: acme\nclients:\n  - clientId: app\n  - clientId: app\n',
    expected:
      /^dupclient\.yaml:4:5: clients\[1\]\.clientId: client 'app' is declared twice — merge it with the one on line 3 or rename one$/,
  },
  {
    kind: 'a list as a mapping key (baseline)',
    file: 'listkey.yaml',
    text: 'realm: acme\ntokens:\n  ? [accessTokenLifespan, revokeRefreshToken]\n  : 5m\n',
    expected: /^listkey\.yaml:3:5: tokens: mapping keys must be plain text, not a list — write the key as plain text/,
  },
  {
    kind: 'a mapping as a key in a flow mapping (realm-export YAML)',
    file: 'mapkey-export.yaml',
    text: 'realm: acme\nid: acme\nattributes: {{frontendUrl: x}: 1}\n',
    expected: /^mapkey-export\.yaml:3:14: attributes: mapping keys must be plain text, not a mapping — /,
  },
  {
    kind: 'a tagged binary mapping key',
    file: 'binkey.yaml',
    text: 'realm: acme\n!!binary cmVhbG0=: other\n',
    expected: /^binkey\.yaml:2:10: mapping keys must be plain text, not binary data — /,
  },
  {
    kind: 'an alias as a mapping key',
    file: 'aliaskey.yaml',
    text: 'realm: &r acme\nclients:\n  - clientId: web\n    *r : 1\n',
    expected: /^aliaskey\.yaml:4:5: clients\[0\]: mapping keys must be plain text, not an alias \(\*r\) — /,
  },
  {
    kind: 'option that does not fit the key type',
    file: 'keyopt.yaml',
    text: 'realm: acme\nkeys:\n  providers:\n    - name: hmac\n      type: hmac-generated\n      keySize: 2048\n',
    expected: /^keyopt\.yaml:6:7: keys\.providers\[0\]\.keySize: 'keySize' does not apply to a hmac-generated key — /,
  },
];
