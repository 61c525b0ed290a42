/** The incident actions, one row each, in the order `realmguard incident --help` lists them. */
import type { IncidentAction } from '../action.ts';
import { bumpTokenVersion } from './bump-token-version.ts';
import { containRealm } from './contain-realm.ts';
import { containUser } from './contain-user.ts';
import { disableClient } from './disable-client.ts';
import { disableUser } from './disable-user.ts';
import { logoutRealm } from './logout-realm.ts';
import { logoutSession } from './logout-session.ts';
import { logoutUser } from './logout-user.ts';
import { notBefore } from './not-before.ts';
import { revokeToken } from './revoke-token.ts';
import { rotateClientSecret } from './rotate-client-secret.ts';
import { rotateKeys } from './rotate-keys.ts';
import { sessions } from './sessions.ts';

export const INCIDENT_ACTIONS: readonly IncidentAction[] = [
  sessions,
  logoutSession,
  logoutUser,
  logoutRealm,
  revokeToken,
  notBefore,
  rotateKeys,
  disableUser,
  disableClient,
  rotateClientSecret,
  bumpTokenVersion,
  containUser,
  containRealm,
];
