import { randomUUID } from 'node:crypto';
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';
import { functions } from '../catalog.js';
import { systemClock } from '../../functions/lib/clock.js';
import { pickLanguage } from '../../functions/messages/language.js';
import { FORM_FIELDS, localSignInPage, PAGE_CONTENT_SECURITY_POLICY, renderPage } from '../../functions/messages/pages.js';
import { isSameOriginForm, SESSION_COOKIE } from '../../functions/lib/session.js';
import { demoTenants } from './demo-data.js';
import { executionsPage } from './executions-page.js';
import { TokenRequest, type LocalIssuer } from './jwt.js';
import type { LocalSes, LocalEmail } from './ses.js';
import type { LocalCognito } from './cognito.js';
import { createPasswordSignIn, PasswordSignInRequest } from './password-sign-in.js';
import type { LocalRouteHandler } from './gateway.js';
import { FaultRequest, type Faults } from './faults.js';
import type { IncomingHttpHeaders } from 'node:http';

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
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}article{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}pre,a,h2,.meta{overflow-wrap:anywhere;word-break:break-word}.meta{color:#555}</style></head>
<body><h1>Local inbox</h1><p>${emails.length} email(s), newest first. Every email the local cloud sent through the SES emulator.</p>${items}</body></html>`;
}

type TokenRequestValue = z.output<typeof TokenRequest>;

/** The demo users of the sign-in page: every demo tenant's admin, as `global_admin`. */
const demoUsers: Record<string, TokenRequestValue> = Object.fromEntries(
  Object.entries(demoTenants).map(([key, t]) => [key, { tenantId: t.tenantId, tenantCountry: t.tenantCountry, email: t.email, roles: ['global_admin'] }]),
);

/** A demo user's key, or any user as a JSON-encoded token request (for tests and fresh tenants). */
function signInUser(value: string | null): TokenRequestValue | undefined {
  if (!value) return undefined;
  if (Object.hasOwn(demoUsers, value)) return demoUsers[value];
  try {
    const parsed = TokenRequest.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A user typed into the sign-in page's "someone else" form: any tenant, country, email, one role. */
function typedUser(form: URLSearchParams) {
  return parse(
    TokenRequest,
    JSON.stringify({
      tenantId: form.get('tenantId')?.trim(),
      tenantCountry: form.get('tenantCountry')?.trim().toUpperCase(),
      email: form.get('email')?.trim(),
      roles: [form.get('role') ?? 'global_admin'],
    }),
  );
}

/** Only same-site paths (a single leading `/`, visible ASCII): the sign-in is no open redirect. */
const isSameSitePath = (path: string) => /^\/(?![/\\])[\x21-\x7e]*$/.test(path) && !path.includes('\\');

const userLabel = (u: TokenRequestValue) => `${u.email} · ${u.tenantId} (${u.tenantCountry}) · ${u.roles.join(', ')}`;

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** `GET /_local/sign-in`: the demo users, plus the one named by a `user` query (a token request as JSON). */
function signInPage(url: URL, headers: IncomingHttpHeaders) {
  const returnTo = url.searchParams.get(FORM_FIELDS.returnTo) ?? '/_local/inbox';
  if (!isSameSitePath(returnTo)) return invalid('returnTo must be a path on this site.', FORM_FIELDS.returnTo);
  const asked = url.searchParams.get(FORM_FIELDS.user);
  const extra = asked === null ? undefined : signInUser(asked);
  if (asked !== null && !extra) return invalid('user must be a demo user or a JSON token request.', FORM_FIELDS.user);
  // Nobody is chosen in advance (a preselected operator led straight to a refusal), except a
  // user the URL names explicitly.
  const users = [
    ...(extra ? [{ label: userLabel(extra), value: JSON.stringify(extra), checked: true }] : []),
    ...Object.entries(demoUsers).map(([key, u]) => ({ label: userLabel(u), value: key })),
  ];
  const language = pickLanguage(undefined, String(headers['accept-language'] ?? ''));
  return {
    status: 200,
    headers: { ...pageHeaders, 'content-language': language },
    body: renderPage(localSignInPage({ returnTo, users }), language),
  };
}

const ClockRequest = z.strictObject({ advanceSeconds: z.number().int().min(0).max(400 * 86_400) });
const SesEventRequest = z.strictObject({ type: z.enum(['bounce', 'complaint']), email: z.email() });

/** The local-only routes of API.md, mounted only by the local cloud. */
export function createLocalRoutes(deps: {
  issuer: LocalIssuer;
  ses: LocalSes;
  faults: Faults;
  dynamo: DynamoDBClient;
  cognito: LocalCognito;
  stepFunctionsUrl: string;
  /** False while the demo data is still loading: health answers 503 until it is in. */
  ready: () => boolean;
  baseUrl: string;
  advance: (seconds: number) => Date;
  invoke: (name: string, event: unknown) => Promise<unknown>;
  /** Resolves once every running execution waits on a signal or the clock (nothing in flight). */
  settle: () => Promise<void>;
}): LocalRouteHandler {
  const has = (name: string) => functions.some((f) => f.name === name);
  const nowSeconds = () => Math.floor(systemClock.now().getTime() / 1000);
  const passwordSignIn = createPasswordSignIn({
    client: deps.cognito.client,
    endpoint: deps.cognito.endpoint,
    userPoolId: deps.cognito.customerPool.userPoolId,
    clientId: deps.cognito.customerPool.clientId,
    issuer: deps.issuer,
    nowSeconds,
  });
  return async ({ method, url, body, headers }): ReturnType<LocalRouteHandler> => {
    const route = `${method} ${url.pathname}`;
    switch (route) {
      case 'GET /_local/health': {
        const checks = await Promise.allSettled([
          deps.dynamo.send(new ListTablesCommand({})),
          deps.ses.emails('nobody@health.check'),
          fetch(deps.stepFunctionsUrl, { method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.DescribeExecution', 'content-type': 'application/x-amz-json-1.0' }, body: '{"executionArn":"arn:aws:states:us-east-1:000000000000:execution:health:check"}' }),
          deps.cognito.client.send(new DescribeUserPoolCommand({ UserPoolId: deps.cognito.customerPool.userPoolId })),
        ]);
        const services = {
          dynamodb: checks[0].status === 'fulfilled',
          ses: checks[1].status === 'fulfilled',
          stepFunctions: checks[2].status === 'fulfilled',
          cognito: checks[3].status === 'fulfilled',
          gateway: true,
          demoData: deps.ready(),
        };
        const ok = Object.values(services).every(Boolean);
        return json(ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', services, now: systemClock.now().toISOString() });
      }
      case 'POST /_local/tokens': {
        const parsed = parse(TokenRequest, body);
        if (!parsed.ok) return parsed.response;
        return json(200, { token: await deps.issuer.issue(parsed.value, Math.floor(systemClock.now().getTime() / 1000)) });
      }
      case 'POST /_local/password-sign-in': {
        const parsed = parse(PasswordSignInRequest, body);
        if (!parsed.ok) return parsed.response;
        const answer = await passwordSignIn(parsed.value);
        return json(answer.status, answer.body);
      }
      case 'GET /_local/jwks.json':
        return { ...json(200, await deps.issuer.jwks()), headers: { 'content-type': 'application/json', 'cache-control': 'max-age=300' } };
      case 'GET /_local/sign-in':
        return signInPage(url, headers);
      case 'POST /_local/sign-in': {
        // Login CSRF: only the sign-in page itself may post here.
        if (!isSameOriginForm(headers, new URL(deps.baseUrl).origin)) {
          return json(403, { error: { type: 'forbidden', code: 'cross_origin_form', message: 'This form can only be sent from this site.', requestId: randomUUID() } });
        }
        const form = new URLSearchParams(body);
        const typed = form.has('tenantId') ? typedUser(form) : undefined;
        if (typed && !typed.ok) return typed.response;
        const user = typed?.value ?? signInUser(form.get(FORM_FIELDS.user));
        if (!user) return invalid('user must be a demo user or a JSON token request, or give tenantId, tenantCountry, email and role.', FORM_FIELDS.user);
        const returnTo = form.get(FORM_FIELDS.returnTo) ?? '/_local/inbox';
        if (!isSameSitePath(returnTo)) return invalid('returnTo must be a path on this site.', FORM_FIELDS.returnTo);
        const token = await deps.issuer.issue(user, Math.floor(systemClock.now().getTime() / 1000));
        return {
          status: 303,
          headers: { location: returnTo, 'set-cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/`, 'cache-control': 'no-store' },
          body: '',
        };
      }
      case 'POST /_local/sign-out': {
        if (!isSameOriginForm(headers, new URL(deps.baseUrl).origin)) {
          return json(403, { error: { type: 'forbidden', code: 'cross_origin_form', message: 'This form can only be sent from this site.', requestId: randomUUID() } });
        }
        const returnTo = new URLSearchParams(body).get(FORM_FIELDS.returnTo) ?? '/_local/inbox';
        if (!isSameSitePath(returnTo)) return invalid('returnTo must be a path on this site.', FORM_FIELDS.returnTo);
        return {
          status: 303,
          headers: { location: `/_local/sign-in?${new URLSearchParams({ returnTo })}`, 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`, 'cache-control': 'no-store' },
          body: '',
        };
      }
      case 'POST /_local/faults': {
        // The next `failNext` calls (of `operation`, or any) answer AWS's error for `error`.
        const parsed = parse(FaultRequest, body);
        if (!parsed.ok) return parsed.response;
        deps.faults.arm(parsed.value);
        return json(200, { armed: parsed.value, injected: deps.faults.injected() });
      }
      case 'GET /_local/faults':
        return json(200, { injected: deps.faults.injected() });
      case 'DELETE /_local/faults':
        return json(200, { disarmed: deps.faults.clear(), injected: deps.faults.injected() });
      case 'GET /_local/emails':
        return json(200, await deps.ses.emails(url.searchParams.get('to') ?? undefined));
      case 'GET /_local/inbox':
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'referrer-policy': 'no-referrer' },
          body: inboxPage(await deps.ses.emails(url.searchParams.get('to') ?? undefined)),
        };
      case 'GET /_local/executions': {
        const { status, body: html } = await executionsPage(deps.stepFunctionsUrl, url.searchParams.get('arn'));
        return { status, headers: { ...pageHeaders, 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }, body: html };
      }
      case 'POST /_local/clock': {
        const parsed = parse(ClockRequest, body);
        if (!parsed.ok) return parsed.response;
        return json(200, { now: deps.advance(parsed.value.advanceSeconds).toISOString() });
      }
      case 'POST /_local/settle': {
        // Deterministic waiting for tests and scripts: answers once every workflow has done
        // all it can without a signal or a clock move (emails of the current states sent).
        await deps.settle();
        return json(200, { settled: true });
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
        // The event is about the last email SES sent to the address, with that email's tags.
        const mail = await deps.ses.lastSentTo(email);
        // The event SES publishes to EventBridge for a configuration set's event destination.
        await deps.invoke('ses-events', {
          version: '0',
          id: randomUUID(),
          source: 'aws.ses',
          'detail-type': type === 'bounce' ? 'Email Bounced' : 'Email Complaint Received',
          time: now,
          detail: {
            eventType: type === 'bounce' ? 'Bounce' : 'Complaint',
            mail: { timestamp: now, messageId: mail?.messageId ?? randomUUID(), destination: [email], tags: mail?.tags ?? {} },
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
