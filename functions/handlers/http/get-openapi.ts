import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import document from '#api/openapi.generated.json' with { type: 'json' };
import { forDeployment } from '#api/openapi-deployment.js';
import { config } from '#lib/config.js';
import { toResponse } from '#lib/response.js';

let cached: string | undefined;

/**
 * `GET /openapi.json`: the contract as OpenAPI 3.1 — the document `npm run openapi` generated
 * from the routes' schemas (a test keeps it current) with this deployment's server URL and
 * identity, serialized once per cold start.
 */
export const handler = async (_event: APIGatewayProxyEventV2) => {
  const c = config();
  cached ??= JSON.stringify(
    forDeployment(document, c.PUBLIC_BASE_URL, { programName: c.PROGRAM_NAME, operatorName: c.OPERATOR_NAME, supportEmail: c.SUPPORT_EMAIL, supportUrl: c.SUPPORT_URL }),
  );
  return { ...toResponse({ status: 200 }), headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }, body: cached };
};
