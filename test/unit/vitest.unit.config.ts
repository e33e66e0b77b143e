import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests only: pure domain code, no local cloud, so no globalSetup.
 * `npx vitest run --config test/unit/vitest.unit.config.ts`
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts'],
  },
});
