/** A run over a weakened realm with file positions, as the formatters get it from check. */
import { pathKey, type LoadedRealm } from '../../../model/realm-settings.ts';
import { runRules } from '../../../policies/run.ts';
import { hardenedRealm, NOW } from '../../support/fixtures.ts';

export function sampleRun(file = 'baselines/acme.yaml') {
  const settings = hardenedRealm();
  settings.realm = 'acme';
  settings.sslRequired = 'none';
  settings.accessCodeLifespan = 600;
  const webApp = settings.clients.find((client) => client.clientId === 'web-app')!;
  webApp.redirectUris = ['https://app.example.com/*', 'http://a|b.example.com/cb'];
  webApp.directAccessGrantsEnabled = true;
  settings.keyProviders.find((key) => key.name === 'rsa-ps256')!.keySize = 1024;
  const positions = new Map([
    [pathKey(['sslRequired']), { file, line: 7, column: 16 }],
    [pathKey(['clients', 'web-app']), { file, line: 30, column: 5 }],
    [pathKey(['clients', 'web-app', 'redirectUris', '0']), { file, line: 34, column: 9 }],
  ]);
  const realm: LoadedRealm = { settings, source: { kind: 'baseline', origin: file, positions }, profile: 'baseline' };
  return runRules([realm], {
    now: NOW,
    config: {
      rules: {},
      suppressions: [
        { rule: 'password-grant', entity: 'web-app', reason: 'legacy CLI | migrating', expires: '2027-01-31' },
        { rule: 'access-code-lifespan', reason: 'slow IdP', expires: '2026-01-01' },
      ],
    },
  });
}
