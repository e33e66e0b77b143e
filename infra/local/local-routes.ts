import { randomUUID } from 'node:crypto';
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { functions } from '../catalog.js';
import { systemClock } from '../../functions/lib/clock.js';
import { TokenRequest, type LocalIssuer } from './jwt.js';
import type { LocalSes, LocalEmail } from './ses.js';
import type { LocalRouteHandler } from './gateway.js';

const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const invalid = (message: string, param?: string) =>
  json(400, { error: { type: 'invalid_request', code: 'invalid_field', message, ...(param ? { param } : {}), requestId: randomUUID() } });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function parse<T extends z.ZodType>(schema: T, body: string): { ok: true; value: z.output<T> } | { ok: false; response: ReturnType<typeof json> } {
  let raw: unknown;
  try {
    raw = body ? JSON.parse(body) : {};
  } catch {
    return { ok: false, response: invalid('The request body is not valid JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, response: invalid(issue.message, issue.path.join('.')) };
  }
  return { ok: true, value: parsed.data };
}

function inboxPage(emails: LocalEmail[]): string {
  const items = [...emails]
    .reverse()
    .map(
      (e) => `<article><h2>${escapeHtml(e.subject)}</h2><p class="meta">To ${escapeHtml(e.to.join(', '))} · ${escapeHtml(e.sentAt)}</p>
<pre>${escapeHtml(e.text)}</pre>${e.links.length ? `<p>${e.links.map((l) => `<a href="${escapeHtml(l)}">${escapeHtml(l)}</a>`).join('<br>')}</p>` : ''}</article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Local inbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}article{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}.meta{color:#555}</style></head>
<body><h1>Local inbox</h1><p>${emails.length} email(s), newest first. Every email the local cloud sent through the SES emulator.</p>${items}</body></html>`;
}

const ClockRequest = z.strictObject({ advanceSeconds: z.number().int().min(0).max(400 * 86_400) });
const SesEventRequest = z.strictObject({ type: z.enum(['bounce', 'complaint']), email: z.email() });

/** The local-only routes of API.md, mounted only by the local cloud. */
export function createLocalRoutes(deps: {
  issuer: LocalIssuer;
  ses: LocalSes;
  dynamo: DynamoDBClient;
  stepFunctionsUrl: string;
  baseUrl: string;
  advance: (seconds: number) => Date;
  invoke: (name: string, event: unknown) => Promise<unknown>;
}): LocalRouteHandler {
  const has = (name: string) => functions.some((f) => f.name === name);
  return async ({ method, url, body }) => {
    const route = `${method} ${url.pathname}`;
    switch (route) {
      case 'GET /_local/health': {
        const checks = await Promise.allSettled([
          deps.dynamo.send(new ListTablesCommand({})),
          deps.ses.emails('nobody@health.check'),
          fetch(deps.stepFunctionsUrl, { method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.DescribeExecution', 'content-type': 'application/x-amz-json-1.0' }, body: '{"executionArn":"arn:aws:states:us-east-1:000000000000:execution:health:check"}' }),
        ]);
        const services = { dynamodb: checks[0].status === 'fulfilled', ses: checks[1].status === 'fulfilled', stepFunctions: checks[2].status === 'fulfilled', gateway: true };
        const ok = Object.values(services).every(Boolean);
        return json(ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', services, now: systemClock.now().toISOString() });
      }
      case 'POST /_local/tokens': {
        const parsed = parse(TokenRequest, body);
        if (!parsed.ok) return parsed.response;
        return json(200, { token: await deps.issuer.issue(parsed.value, Math.floor(systemClock.now().getTime() / 1000)) });
      }
      case 'GET /_local/emails':
        return json(200, await deps.ses.emails(url.searchParams.get('to') ?? undefined));
      case 'GET /_local/inbox':
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'referrer-policy': 'no-referrer' },
          body: inboxPage(await deps.ses.emails(url.searchParams.get('to') ?? undefined)),
        };
      case 'POST /_local/clock': {
        const parsed = parse(ClockRequest, body);
        if (!parsed.ok) return parsed.response;
        return json(200, { now: deps.advance(parsed.value.advanceSeconds).toISOString() });
      }
      case 'POST /_local/sweep': {
        if (!has('sweep')) return json(501, { error: { type: 'internal', code: 'not_available', message: 'No sweep function yet.', requestId: randomUUID() } });
        return json(200, await deps.invoke('sweep', { source: 'aws.scheduler', 'detail-type': 'Scheduled Event', detail: {} }));
      }
      case 'POST /_local/ses-events': {
        const parsed = parse(SesEventRequest, body);
        if (!parsed.ok) return parsed.response;
        if (!has('ses-events')) return json(501, { error: { type: 'internal', code: 'not_available', message: 'No SES event handler yet.', requestId: randomUUID() } });
        const { type, email } = parsed.value;
        const now = systemClock.now().toISOString();
        // The event SES publishes to EventBridge for a configuration set's event destination.
        await deps.invoke('ses-events', {
          version: '0',
          id: randomUUID(),
          source: 'aws.ses',
          'detail-type': type === 'bounce' ? 'Email Bounced' : 'Email Complaint Received',
          time: now,
          detail: {
            eventType: type === 'bounce' ? 'Bounce' : 'Complaint',
            mail: { timestamp: now, messageId: randomUUID(), destination: [email] },
            ...(type === 'bounce'
              ? { bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email }], timestamp: now } }
              : { complaint: { complainedRecipients: [{ emailAddress: email }], timestamp: now } }),
          },
        });
        return { status: 204, body: '' };
      }
      default:
        return undefined;
    }
  };
}
