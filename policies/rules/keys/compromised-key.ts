import { defineRule } from '../../define-rule.ts';
import { keyPath, keyProviders } from '../../entities.ts';
import { KC_ADMIN_GUIDE, KC_THREAT_MODEL } from '../../sources.ts';

export default defineRule('keys', {
  id: 'compromised-key',
  title: 'A compromised key is never present again',
  severity: 'critical',
  sources: [
    KC_ADMIN_GUIDE('Rotating keys: compromised keys are removed at once'),
    KC_THREAT_MODEL('Compromised access and refresh tokens: rotate keys, push not-before'),
  ],
  why: 'A compromised key that is active signs tokens the attacker can forge too; one that is passive still validates forged tokens. Either way every token it touches is untrustworthy.',
  remediation: {
    baselineKey: 'keys.providers',
    value: 'remove the provider',
    note: 'keep its name or kid in keys.compromised so it cannot come back',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { present: 'Key provider {{name}} ({{state}}) is listed as compromised ({{match}}).' },
  reads: ['keys', 'compromisedKeys'],
  *check(realm) {
    if (realm.compromisedKeys.length === 0) return;
    const compromised = new Set(realm.compromisedKeys);
    // Disabled providers count too: enabling one again would bring the key straight back.
    for (const provider of keyProviders(realm, { includeDisabled: true })) {
      const match = [provider.name, provider.id, ...(provider.kids ?? [])].find(
        (id) => id !== undefined && compromised.has(id),
      );
      if (match !== undefined) {
        const state = !provider.enabled ? 'disabled' : provider.active ? 'active' : 'passive';
        yield { path: keyPath(provider), messageId: 'present', data: { name: provider.name, state, match } };
      }
    }
  },
});
