/**
 * `npm run openapi`: writes functions/api/openapi.generated.json, the OpenAPI document of
 * every route, generated from the routes' zod schemas (functions/api/openapi.ts) with the
 * local demo's identity and no server. `GET /openapi.json` serves it with the deployment's
 * server URL and identity, so that function bundles neither the schemas nor the generator.
 * `test/unit/openapi.test.ts` fails while the file differs from what the schemas generate.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contractDocument } from '../functions/api/openapi.js';
import { httpRoutes } from '../functions/api/routes.js';

export const generatedFile = resolve(import.meta.dirname, '../functions/api/openapi.generated.json');

/** The file's text: the document, two-space indented, with a final newline. */
export const generatedText = (): string => `${JSON.stringify(contractDocument(httpRoutes), null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(generatedFile, generatedText());
  console.log(`wrote ${generatedFile}`);
}
