import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { openApiDocument } from '#api/openapi.js';
import { httpRoutes } from '#api/routes.js';
import { config } from '#lib/config.js';
import { toResponse } from '#lib/http.js';

let cached: string | undefined;

/** `GET /openapi.json`: the contract as OpenAPI 3.1, built once per cold start. */
export const handler = async (_event: APIGatewayProxyEventV2) => {
  const c = config();
  cached ??= JSON.stringify(
    openApiDocument(httpRoutes, c.PUBLIC_BASE_URL, { programName: c.PROGRAM_NAME, operatorName: c.OPERATOR_NAME, supportEmail: c.SUPPORT_EMAIL, supportUrl: c.SUPPORT_URL }),
  );
  return { ...toResponse({ status: 200 }), headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }, body: cached };
};
