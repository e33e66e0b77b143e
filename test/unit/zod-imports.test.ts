import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Lambda code validates with `zod/mini`: its schemas are built from functions, so esbuild
 * keeps only the parts a bundle uses (~34 KB). Classic zod's schemas carry every method, so
 * one classic import anywhere in a bundle brings ~95 KB back (the JSON-schema tools
 * included) and makes every schema slower to build at cold start; `import { z } from 'zod'`
 * brought its whole namespace (~440 KB). The local cloud and the tests may use either.
 */
describe('Lambda bundles stay small: functions/ validates with zod/mini', () => {
  const files = readdirSync(join(import.meta.dirname, '../../functions'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const source = (f: string) => readFileSync(join(import.meta.dirname, '../../functions', f), 'utf8');

  it('no module under functions/ imports classic zod', () => {
    const offenders = files.filter((f) => /from\s*'zod(?:\/v4)?(?:\/classic)?'/.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it('zod/mini is imported as a namespace', () => {
    const offenders = files.filter((f) => /import\s*\{[^}]*\}\s*from\s*'zod\/mini'/.test(source(f)));
    expect(offenders).toEqual([]);
  });
});
