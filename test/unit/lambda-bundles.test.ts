import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundling, contributorOf } from '../../bench/coldstart.js';
import { functions } from '../../infra/catalog.js';

const root = resolve(import.meta.dirname, '../..');
const devDependencies = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies);

/**
 * What goes into a Lambda bundle is the function's own code and its runtime dependencies:
 * every catalogue function bundled the way the stack bundles it (bench/coldstart.ts has the
 * construct's esbuild options), and no input may come from the local cloud or the rest of
 * infra/, the bench, the tests, the scripts, or a devDependency.
 */
describe('Lambda bundles carry only what runs in Lambda', () => {
  it('no bundle includes infra/, bench/, test/, scripts/ or a devDependency', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lambda-bundles-'));
    try {
      const entryPoints = Object.fromEntries(functions.map((f) => [f.name, resolve(root, f.entry)]));
      const { metafile } = await build({ ...bundling, absWorkingDir: root, entryPoints, outdir, sourcemap: false, metafile: true });
      const outputs = Object.values(metafile.outputs).filter((o) => o.entryPoint);
      expect(outputs).toHaveLength(functions.length);
      const foreign = outputs.flatMap((o) =>
        Object.keys(o.inputs)
          .filter((input) => /^(infra|bench|test|scripts)\//.test(input) || devDependencies.includes(contributorOf(input)))
          .map((input) => `${o.entryPoint}: ${input}`),
      );
      expect(foreign).toEqual([]);

      // Message catalogues: a function carries the email texts only if it sends email, the
      // page texts only if it renders a page (functions/messages/catalogues.ts).
      const text = (name: string) => readFileSync(join(outdir, `${name}.mjs`), 'utf8');
      const PAGE_TEXT = 'By selecting Confirm, you confirm that:';
      const EMAIL_TEXT = 'Please confirm your email address for the enrollment of';
      expect(text('view-verification')).toContain(PAGE_TEXT);
      expect(text('view-verification')).not.toContain(EMAIL_TEXT);
      expect(text('create-enrollment')).toContain(EMAIL_TEXT);
      expect(text('create-enrollment')).not.toContain(PAGE_TEXT);
      expect(text('get-enrollment')).not.toContain(EMAIL_TEXT);
      // And only the emails of its part of the program (functions/messages/emails.ts renders them by group).
      expect(text('create-order')).not.toContain(EMAIL_TEXT);
      expect(text('create-partnership-request')).not.toContain(EMAIL_TEXT);
      // Of the pages, only those it renders (each template holds its own texts, functions/messages/pages.ts).
      const DONE_PAGE = 'Thank you: your email address is confirmed';
      const PROVIDER_AUTHORIZED_PAGE = 'Indirect provider authorized';
      expect(text('confirm-verification')).toContain(DONE_PAGE);
      expect(text('confirm-verification')).not.toContain(PAGE_TEXT);
      expect(text('confirm-verification')).not.toContain(PROVIDER_AUTHORIZED_PAGE);
      expect(text('authorize-invitation')).toContain(PROVIDER_AUTHORIZED_PAGE);
      expect(text('authorize-invitation')).not.toContain(DONE_PAGE);
      expect(text('authorize-invitation')).not.toContain('Partners authorized');
      // Of the route contracts, only its own (each is a pure `route(…)`, functions/api/contract.ts).
      const CREATE_SUMMARY = 'Enroll the signed-in tenant as an indirect reseller';
      const CHANGE_SUMMARY = 'Replace the primary contact before it confirmed';
      expect(text('create-enrollment')).toContain(CREATE_SUMMARY);
      expect(text('create-enrollment')).not.toContain(CHANGE_SUMMARY);
      expect(text('change-primary-contact')).toContain(CHANGE_SUMMARY);
      expect(text('change-primary-contact')).not.toContain(CREATE_SUMMARY);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});
