/**
 * The OpenAPI document: every operation documents every status it can answer, with the
 * error envelope; request bodies carry examples that their own schemas accept; and
 * `redocly lint --extends recommended-strict` finds nothing (no error, no warning).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openApiDocument, requestExamples } from '#api/openapi.js';
import { httpRoutes } from '#api/routes.js';
import { generatedFile, generatedText } from '../../scripts/openapi.js';

type Operation = { operationId: string; security: unknown[]; requestBody?: { content: Record<string, { example?: unknown }> }; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
const doc = openApiDocument(httpRoutes, 'https://api.partner-program.example');
const operations = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod) as Operation[]);
const byId = (id: string) => operations.find((o) => o.operationId === id)!;
const root = resolve(import.meta.dirname, '../..');

describe('OpenAPI document', () => {
  it('has one operation per route', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(httpRoutes.map((r) => r.name).sort());
  });

  it('documents 401 on every bearer route, 400 wherever input is validated, 403 wherever roles are checked, 413 on bodies', () => {
    for (const r of httpRoutes) {
      const statuses = Object.keys(byId(r.name).responses);
      if (r.auth === 'jwt') expect(statuses, r.name).toContain('401');
      if (r.params || r.query || r.body) expect(statuses, r.name).toContain('400');
      if (r.roles) expect(statuses, r.name).toContain('403');
      if (r.body) expect(statuses, r.name).toContain('413');
      for (const status of Object.keys(r.responses)) expect(statuses, `${r.name} ${status}`).toContain(status);
      expect(statuses.some((s) => s.startsWith('4')), r.name).toBe(true);
    }
    expect(Object.keys(byId('get-current-agreement').responses)).toEqual(['200', '401', '500']);
  });

  it('answers every JSON error with the error envelope', () => {
    for (const r of httpRoutes.filter((route) => !route.html)) {
      for (const [status, response] of Object.entries(byId(r.name).responses)) {
        if (Number(status) >= 400) expect(response.content?.['application/json']?.schema?.$ref, `${r.name} ${status}`).toBe('#/components/schemas/Error');
      }
    }
  });

  it('gives every request body an example its own schema accepts', () => {
    for (const r of httpRoutes.filter((route) => route.body)) {
      const example = byId(r.name).requestBody?.content['application/json']?.example;
      expect(example, r.name).toBeDefined();
      const parsed = r.body!.safeParse(example);
      expect(parsed.success, `${r.name}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
    expect(Object.keys(requestExamples).every((name) => httpRoutes.some((r) => r.name === name))).toBe(true);
  });

  it('is what `GET /openapi.json` serves: functions/api/openapi.generated.json is current (`npm run openapi`)', () => {
    expect(readFileSync(generatedFile, 'utf8') === generatedText(), 'functions/api/openapi.generated.json is stale: run `npm run openapi`').toBe(true);
  });

  it('names a licence and a contact', () => {
    expect(doc.info.license.name).toBeTruthy();
    expect(doc.info.contact.email).toMatch(/@/);
  });

  it('passes `redocly lint --extends recommended-strict` with zero errors and zero warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const run = await promisify(execFile)('npx', ['redocly', 'lint', '--extends', 'recommended-strict', '--format', 'json', file], {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
