/**
 * `npm run grants`: docs/grants.md, every IAM role of the synthesized stack with its
 * actions and the template's resource count (infra/grants.ts renders it). Synthesizes the
 * stack offline as `cdk synth` does (cdk.json's feature flags), into a temporary directory.
 * `npm run grants -- --check` changes nothing and exits 1 when docs/grants.md is stale.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, DefaultStackSynthesizer, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { functions } from '../infra/catalog.js';
import { grantsReport, renderGrants } from '../infra/grants.js';
import { PROJECT_ROOT, PartnerProgramStack } from '../infra/stack.js';

export const grantsFile = resolve(PROJECT_ROOT, 'docs/grants.md');

/** docs/grants.md of a synthesized stack. */
export function grantsOfStack(stack: PartnerProgramStack): string {
  const template = Template.fromStack(stack).toJSON() as Parameters<typeof grantsReport>[1];
  const roleIds = new Map([...stack.functions].map(([name, fn]) => [name, stack.getLogicalId(fn.role.node.defaultChild as CfnResource)]));
  return renderGrants(grantsReport(stack, template, functions, roleIds));
}

function main(): void {
  const outdir = mkdtempSync(join(tmpdir(), 'grants-'));
  try {
    const context = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
    const app = new App({ outdir, context });
    const stack = new PartnerProgramStack(app, 'PartnerProgram', { synthesizer: new DefaultStackSynthesizer() });
    const text = grantsOfStack(stack);
    const current = (() => {
      try {
        return readFileSync(grantsFile, 'utf8');
      } catch {
        return '';
      }
    })();
    if (process.argv.includes('--check')) {
      if (current !== text) {
        console.log('docs/grants.md is stale; run `npm run grants`.');
        process.exitCode = 1;
      }
      return;
    }
    if (current !== text) writeFileSync(grantsFile, text);
    console.log(`docs/grants.md: ${text.match(/\*\*(\d+)\*\* resources/)?.[1]} resources`);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
