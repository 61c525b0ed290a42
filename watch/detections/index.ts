/** The detections of one watched realm, in the order they see each event. */
import type { Profile } from '../../model/profiles.ts';
import type { PolicyConfig } from '../../policies/config.ts';
import type { WatchConfig } from '../config.ts';
import type { Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';
import type { RealmSnapshot } from '../realm-snapshot.ts';
import { adminActions } from './admin-actions.ts';
import { adminChange } from './admin-change.ts';
import { configChange } from './config-change.ts';
import type { Detector } from './detector.ts';
import { impersonation } from './impersonation.ts';
import { loginFailures } from './login-failures.ts';
import { newAddress } from './new-address.ts';
import { roleGrant } from './role-grant.ts';
import { tokenMisuse } from './token-misuse.ts';

export function detectorsFor(
  config: WatchConfig,
  snapshot: RealmSnapshot,
  rules: { profile?: Profile; policy?: PolicyConfig } = {},
): (event: WatchEvent) => Detection[] {
  const judge = {
    ...(rules.profile ? { profile: rules.profile } : {}),
    ...(rules.policy ? { config: rules.policy } : {}),
  };
  const detectors: Detector[] = [
    tokenMisuse(),
    ...loginFailures(config),
    newAddress(config.sensitiveUsers),
    impersonation(),
    adminChange(snapshot, judge),
    configChange(snapshot, judge),
    roleGrant(snapshot, judge),
    adminActions(),
  ];
  return (event) => detectors.flatMap((detector) => detector.onEvent(event));
}
