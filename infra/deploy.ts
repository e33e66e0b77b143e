/**
 * `npm run deploy -- [cdk deploy options]`: the pre-deploy check (infra/predeploy.ts) on
 * the account the credentials point at, then `cdk deploy` with the same options. Errors
 * stop it before CloudFormation starts; warnings are printed and the deploy goes on.
 * `--check-only` runs the check alone.
 */
import { spawnSync } from 'node:child_process';
import { functions } from './catalog.js';
import { evaluate, gatherFacts, parametersOf } from './predeploy.js';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check-only');
const cdkArgs = args.filter((a) => a !== '--check-only');
const profile = cdkArgs.indexOf('--profile');
if (profile >= 0 && cdkArgs[profile + 1]) process.env.AWS_PROFILE = cdkArgs[profile + 1];

const parameters = parametersOf(cdkArgs);
const findings = evaluate(await gatherFacts(parameters), parameters, functions);
for (const note of findings.notes) console.log(`  ok    ${note}`);
for (const warning of findings.warnings) console.warn(`  WARN  ${warning}`);
for (const error of findings.errors) console.error(`  ERROR ${error}`);
if (findings.errors.length > 0) {
  console.error(`\nPre-deploy check: ${findings.errors.length} problem(s); nothing was deployed.`);
  process.exit(1);
}
console.log('\nPre-deploy check passed.');
if (checkOnly) process.exit(0);

const result = spawnSync('npx', ['cdk', 'deploy', ...cdkArgs], { stdio: 'inherit' });
process.exit(result.status ?? 1);
