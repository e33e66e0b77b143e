import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `import { z } from 'zod'` puts zod's whole namespace (every locale, the JSON-schema
 * tools: ~440 KB) into a Lambda bundle that esbuild cannot shake; `import * as z` lets it
 * keep only what is used. One such import anywhere in a bundle brings the 440 KB back.
 */
describe('Lambda bundles stay small: zod is imported as a namespace', () => {
  it('no module under functions/ imports { z } from zod', () => {
    const files = readdirSync(join(import.meta.dirname, '../../functions'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /import\s*\{\s*z\s*\}\s*from\s*'zod'/.test(readFileSync(join(import.meta.dirname, '../../functions', f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
