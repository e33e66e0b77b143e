/**
 * The CDK app (`cdk.json`: `npx tsx infra/app.ts`). Synthesizes offline: an
 * environment-agnostic stack, no lookups, assets bundled locally with esbuild.
 * cdk-nag's AwsSolutions pack runs as a CDK policy-validation plugin (cdk-nag 3):
 * any unacknowledged finding fails `cdk synth`.
 */
import { App, DefaultStackSynthesizer, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PartnerProgramStack } from './stack.js';

const app = new App();
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'PartnerProgram';

new PartnerProgramStack(app, stackName, {
  synthesizer: new DefaultStackSynthesizer(),
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

app.synth();
