/**
 * What an added redirect URI or web origin risks: wildcards (RFC 9700 §2.1, ASVS 10.4.1) and
 * plain http to anything but loopback (RFC 9700 §2.6). Removing one always narrows the client.
 */
import { isPlainHttpToRemote } from '../../model/loopback.ts';
import type { Verdict } from '../change.ts';
import { neutralVerdict, strengthens, weakens, type SetRules } from './differ.ts';

/** Why a redirect URI is risky, or undefined when it is an exact, safe one. */
export function redirectUriRisk(uri: string): string | undefined {
  if (uri.includes('*')) return 'wildcard redirect URI';
  if (isPlainHttpToRemote(uri)) return 'plain-http redirect URI to a non-loopback host';
  return undefined;
}

function addedRedirect(uri: string): Verdict {
  const risk = redirectUriRisk(uri);
  if (risk) return weakens(`${risk} added`);
  if (uri === '+') return neutralVerdict('same as the redirect URIs');
  return neutralVerdict('exact redirect URI added');
}

export const REDIRECT_URI_RULES: SetRules = {
  added: addedRedirect,
  removed: () => strengthens('redirect URI removed'),
};

export const WEB_ORIGIN_RULES: SetRules = {
  added: (origin) => {
    if (origin === '*') return weakens('any web origin may call with CORS');
    if (origin === '+') return neutralVerdict('origins of the redirect URIs');
    return neutralVerdict('web origin added');
  },
  removed: () => strengthens('web origin removed'),
};
