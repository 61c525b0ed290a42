import { InputError } from '../../../model/errors.ts';
import { revokeToken as revokeTokenAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import { readSecret } from '../inputs.ts';
import type { CommonOptions } from '../setup.ts';

interface RevokeTokenOptions extends CommonOptions {
  tokenClientId?: string;
  tokenClientSecretFile?: string;
}

export const revokeToken: SingleAction<RevokeTokenOptions> = {
  name: 'revoke-token',
  description: 'RFC 7009: revoke a refresh, offline or access token (give it with --token-file or --token-env)',
  targets: 'one',
  tokenIsTarget: true,
  options: (command) =>
    command
      .option('--token-client-id <clientId>', "client the token was issued to (default: the token's azp claim)")
      .option(
        '--token-client-secret-file <file>',
        "that client's secret, for a confidential client (default: $REALMGUARD_TOKEN_CLIENT_SECRET)",
      ),
  act: async (s, options) => {
    if (!s.token)
      throw new InputError(
        'no token to revoke',
        { keyPath: '--token-file' },
        'pass --token-file FILE, --token-file - (stdin) or --token-env VAR',
      );
    const clientSecret = readSecret(
      options.tokenClientSecretFile,
      '--token-client-secret-file',
      process.env,
      'REALMGUARD_TOKEN_CLIENT_SECRET',
    );
    return revokeTokenAction(s.ctx, {
      token: s.token,
      ...(options.tokenClientId ? { clientId: options.tokenClientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(s.introspection ? { introspection: s.introspection } : {}),
    });
  },
};
