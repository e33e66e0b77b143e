import { defineConfig } from 'vitest/config';

/**
 * The infra tests alone, without the local cloud's globalSetup:
 * `npx vitest run test/infra --config test/infra/vitest.infra.config.ts`.
 * (The root config runs them too, with everything else.)
 */
export default defineConfig({
  test: {
    include: ['test/infra/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
