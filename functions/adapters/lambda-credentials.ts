import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias
 * in infra/constructs/partner-function.ts): Lambda always hands the function role's
 * credentials over in the environment, so the SDK's default chain (SSO, INI files, STS,
 * process, IMDS …, ~120 KB per bundle) would only ever reach its first link. The local
 * cloud runs the sources unbundled and keeps the real chain.
 */
export const defaultProvider = (_init?: unknown) => fromEnv();
