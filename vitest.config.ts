import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'api/src/**/*.spec.ts',
            'scripts/*.spec.ts',
            'site/scripts/**/*.spec.ts',
            'site/src/**/*.spec.ts',
            'clients/typescript/src/**/*.spec.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['api/test/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['api/test/global-setup.ts'],
          // One file at a time: files share the test database and some stop/start Redis.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Real Chromium against the real site server (a child process), API and worker (in-process).
          name: 'e2e',
          include: ['site/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['api/test/global-setup.ts'],
          fileParallelism: false,
          // After unit + integration, never beside them: same database, and some integration tests stop Redis.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
