import { defineConfig } from 'vitest/config';

// Three suites: `unit` needs nothing; `integration` talks to a real Keycloak (started by the
// global setup, or the one KEYCLOAK_URL names); `pulumi` drives the real Pulumi CLI and the
// Keycloak provider plugin as well. `npm test` runs unit and integration.
// Every suite runs the compiled command (bin/realmguard.js → dist/): built first when the sources changed.
const BUILD = 'test/support/build-global-setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], globalSetup: [BUILD], testTimeout: 20_000 },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: [BUILD, 'test/support/keycloak-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One file at a time: the files share one Keycloak and some act realm-wide.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        test: {
          name: 'pulumi',
          include: ['test/pulumi/**/*.test.ts'],
          globalSetup: [BUILD, 'test/support/keycloak-global-setup.ts', 'test/support/pulumi-global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // One file at a time: the files share one Keycloak and some act realm-wide.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
