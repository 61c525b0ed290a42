import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { NIST_800_63B } from '../../sources.ts';

export default defineRule('realm', {
  id: 'remember-me-session',
  title: 'Remember-me sessions are bounded (or off)',
  severity: 'medium',
  sources: [NIST_800_63B('§2.1.3 (AAL1 reauthentication at least every 30 days)')],
  why: 'Remember-me keeps a session across browser restarts; even at AAL1 NIST asks for reauthentication every 30 days, and higher assurance levels do not allow such long sessions at all.',
  remediation: { baselineKey: 'sessions.rememberMe', value: false },
  params: { baseline: { allowed: true, max: 2_592_000 }, strict: { allowed: false, max: 2_592_000 } },
  paramDocs: {
    allowed: 'Whether remember-me may be on at all.',
    max: 'Longest accepted remember-me idle and absolute lifespan, in seconds.',
  },
  messages: {
    notAllowed: 'Remember-me is on; the profile does not allow it.',
    tooLong: 'Remember-me sessions last {{actual}} ({{field}}); at most {{max}} is accepted.',
  },
  *check(realm, { allowed, max }) {
    if (!realm.rememberMe) return;
    if (!allowed) {
      yield { path: ['rememberMe'], messageId: 'notAllowed' };
      return;
    }
    // 0 means "same as the normal SSO session", which the sso-session rules judge.
    for (const field of ['ssoSessionIdleTimeoutRememberMe', 'ssoSessionMaxLifespanRememberMe'] as const) {
      if (realm[field] > max)
        yield {
          path: [field],
          messageId: 'tooLong',
          data: { field, actual: humanSeconds(realm[field]), max: humanSeconds(max) },
        };
    }
  },
});
