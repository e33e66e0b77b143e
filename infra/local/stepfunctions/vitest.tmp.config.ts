import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: `${import.meta.dirname}/../../..`,
  test: { include: ['test/integration/stepfunctions-server.test.ts'], testTimeout: 30_000, pool: 'forks' },
});
