import semver from 'semver';
import { KEYCLOAK_RELEASES, KEYCLOAK_RELEASES_CHECKED } from '../../../model/keycloak-releases.ts';
import { defineRule } from '../../define-rule.ts';
import { ASVS } from '../../sources.ts';

/** The newest known release of a version's minor line, and the newest known release overall. */
function newestReleases(version: string): { line: string; ofLine: string | undefined; overall: string | undefined } {
  const line = `${String(semver.major(version))}.${String(semver.minor(version))}`;
  return {
    line,
    ofLine: semver.maxSatisfying([...KEYCLOAK_RELEASES], `~${line}.0`) ?? undefined,
    overall: KEYCLOAK_RELEASES.at(-1),
  };
}

export default defineRule('realm', {
  id: 'keycloak-version',
  title: 'The realm runs on the newest Keycloak release',
  severity: 'low',
  sources: [ASVS('V15.2.1 (components within their update and remediation time frames)')],
  why: "Keycloak's patch releases carry its security fixes (26.7.3 alone fixed 20 CVEs), and the project publishes fixes for its newest release line only. The version comes from the input (an export's `keycloakVersion`, the server `audit` reads); the known releases are Maven Central's list as of the date in the finding. A version alone does not say whether a missed fix is reachable in this realm, so the finding is low.",
  remediation: { action: 'Upgrade the Keycloak server to the newest release of its line, then to the newest line.' },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    patchBehind:
      'Keycloak {{version}} is behind {{newest}}, the newest {{line}} release known (Maven Central, {{checked}}): patch releases carry security fixes.',
    lineBehind:
      'Keycloak {{version}} is the newest {{line}} release, but {{newest}} is out (Maven Central, {{checked}}): only the newest line receives fixes.',
  },
  *check(realm) {
    // A vendor build ('26.0.10.redhat-00001') or a snapshot follows its own release stream: not judged.
    const version = realm.keycloakVersion;
    if (version === undefined || semver.valid(version) === null || semver.prerelease(version) !== null) return;
    const { line, ofLine, overall } = newestReleases(version);
    const data = { version, line, checked: KEYCLOAK_RELEASES_CHECKED };
    if (ofLine !== undefined && semver.lt(version, ofLine))
      yield { path: ['keycloakVersion'], messageId: 'patchBehind', data: { ...data, newest: ofLine } };
    else if (overall !== undefined && semver.lt(version, overall) && ofLine !== undefined)
      yield {
        path: ['keycloakVersion'],
        messageId: 'lineBehind',
        data: { ...data, newest: overall },
        severity: 'info',
      };
  },
});
