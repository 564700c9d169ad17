import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests run server code directly.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    // The `npm start` smoke test builds the app, so `npm test` runs it in its own
    // phase (VITEST_SMOKE=1) rather than beside the fast tests.
    include:
      process.env.VITEST_SMOKE === '1'
        ? ['tests/smoke/**/*.test.ts']
        : ['lib/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The smoke files build and start the app; two builds at once would overwrite each other.
    fileParallelism: process.env.VITEST_SMOKE !== '1',
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
