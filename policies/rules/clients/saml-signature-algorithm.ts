import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, samlClients } from '../../entities.ts';
import { NIST_800_131A } from '../../sources.ts';

const ALGORITHM = 'saml.signature.algorithm';
const SHA1_ALGORITHMS = ['RSA_SHA1', 'DSA_SHA1'];

export default defineRule('clients', {
  id: 'saml-signature-algorithm',
  title: 'SAML signatures do not use SHA-1',
  severity: 'medium',
  sources: [NIST_800_131A('§9 (Hash Functions: SHA-1 disallowed for digital signature generation)')],
  why: 'SHA-1 collisions are practical (SHAttered, 2017; chosen-prefix, 2020): a signature over SHA-1 no longer proves what was signed. Keycloak signs with RSA_SHA256 unless set otherwise.',
  remediation: {
    action: 'Set saml.signature.algorithm to RSA_SHA256 (or RSA_SHA512, ECDSA_SHA256) on the SAML client.',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { sha1: `This SAML client signs with {{algorithm}} (${ALGORITHM}).` },
  *check(realm) {
    for (const client of samlClients(realm)) {
      const algorithm = client.attributes[ALGORITHM]?.toUpperCase();
      if (algorithm && SHA1_ALGORITHMS.includes(algorithm))
        yield { path: clientAttributePath(client, ALGORITHM), messageId: 'sha1', data: { algorithm } };
    }
  },
});
