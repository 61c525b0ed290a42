/**
 * The realmguard Pulumi program: applies the baselines the stack names.
 *
 *   pulumi config set --path 'realmguard:baselines[0]' baselines/hardened.yaml
 *   pulumi config set keycloak:url https://keycloak.example.com      (or KEYCLOAK_URL)
 *   pulumi config set --secret keycloak:password …                   (or KEYCLOAK_PASSWORD)
 *   pulumi up
 *
 * The Keycloak connection is the provider's own configuration (keycloak:*) or its environment
 * variables (KEYCLOAK_URL, KEYCLOAK_CLIENT_ID, KEYCLOAK_USER, KEYCLOAK_PASSWORD, ...).
 */
import { loadBaseline } from './model/index.ts';
import { runProgram } from './components/program.ts';

export default async () => runProgram(loadBaseline);
