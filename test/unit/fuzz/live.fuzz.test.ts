/**
 * Fuzz: the adapter of admin-API answers (model/live.ts liveRealmFromAnswers, used read-only):
 * whatever a server answers inside the shapes the admin client promises (lists where it returns
 * lists), the live realm is read or refused with one InputError naming the server — never a crash.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { liveRealmFromAnswers } from '../../../model/live.ts';
import { hostileJson, hostileNumber, hostileString, onlyInputErrors } from './arbitraries.ts';
import { breathe, fuzz, timeout } from './settings.ts';

describe('fuzz: admin-API answers', () => {
  it(
    'any answer in roughly the right shape, hostile names and numbers included',
    async () => {
      const value = fc.oneof(
        hostileJson,
        hostileNumber,
        hostileString,
        fc.constantFrom('RS256', 'rsa-generated', '2048', 'ACTIVE', 'PASSIVE', true, 0, -1, '<html>', ['x']),
      );
      const keys = (names: string[]) =>
        fc.dictionary(fc.oneof(fc.constantFrom(...names), hostileString), value, { maxKeys: 6 });
      const answers = fc.record({
        realm: fc.oneof(
          keys([
            'realm',
            'id',
            'accessTokenLifespan',
            'ssoSessionIdleTimeout',
            'enabledEventTypes',
            'sslRequired',
            'notBefore',
          ]),
          value,
        ),
        clients: fc.array(
          fc.oneof(
            keys([
              'clientId',
              'id',
              'publicClient',
              'attributes',
              'redirectUris',
              'protocolMappers',
              'defaultClientScopes',
            ]),
            value,
          ),
          { maxLength: 3 },
        ),
        keyComponents: fc.array(
          fc.oneof(
            fc.record(
              {
                id: value,
                name: fc.oneof(hostileString, value),
                providerId: fc.oneof(
                  fc.constantFrom('rsa-generated', 'hmac-generated', 'ecdsa-generated', 'aes-generated'),
                  value,
                ),
                config: fc.oneof(
                  fc.dictionary(
                    fc.constantFrom('priority', 'active', 'enabled', 'keySize', 'algorithm', 'secretSize'),
                    fc.oneof(fc.array(hostileString, { maxLength: 2 }), value),
                  ),
                  value,
                ),
              },
              { requiredKeys: [] },
            ),
            value,
          ),
          { maxLength: 3 },
        ),
        keys: fc.array(fc.oneof(keys(['kid', 'providerId', 'algorithm', 'status', 'type', 'publicKey']), value), {
          maxLength: 3,
        }),
        clientScopes: fc.array(fc.oneof(keys(['name', 'protocolMappers']), value), { maxLength: 2 }),
        defaultClientScopes: fc.array(value, { maxLength: 2 }),
        clientPolicies: value,
        clientProfiles: value,
      });
      await fc.assert(
        fc.asyncProperty(answers, hostileString, async (answer, realmName) => {
          await breathe();
          onlyInputErrors(() => liveRealmFromAnswers(answer, `http://127.0.0.1:8080/admin/realms/${realmName}`));
        }),
        fuzz('live: admin-API answers'),
      );
    },
    timeout(40_000),
  );
});
