import { inject } from 'vitest';

export const baseUrl = (): string => inject('baseUrl');

export type Role = 'global_admin' | 'user_admin' | 'admin_agent' | 'sales_agent' | 'operator';
export interface User {
  tenantId: string;
  tenantCountry: string;
  email: string;
  roles: Role[];
  sub?: string;
}

let counter = 0;
/** A tenant id nobody else in this run uses. */
export const uniqueTenant = (label = 'tenant') => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export async function tokenFor(user: User): Promise<string> {
  const res = await fetch(`${baseUrl()}/_local/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** Calls the API as an outside client would. */
export async function api<T = any>(
  method: string,
  path: string,
  options: { token?: string; user?: User; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<ApiResponse<T>> {
  const token = options.token ?? (options.user ? await tokenFor(options.user) : undefined);
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers };
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${baseUrl()}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json') && text) parsed = JSON.parse(text);
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

export interface Email {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  links: string[];
  sentAt: string;
}

export async function emailsTo(address: string): Promise<Email[]> {
  return (await api<Email[]>('GET', `/_local/emails?to=${encodeURIComponent(address)}`)).body;
}

/**
 * Waits until every workflow of the local cloud has done all it can without a signal or a
 * clock move. Use it before asserting that something (an email) did NOT happen.
 */
export async function settle(): Promise<void> {
  const res = await fetch(`${baseUrl()}/_local/settle`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`settle: ${res.status}`);
}

export async function advanceClock(seconds: number): Promise<string> {
  return (await api<{ now: string }>('POST', '/_local/clock', { body: { advanceSeconds: seconds } })).body.now;
}

export const operator: User = { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'operator@partner-program.example', roles: ['operator'] };

/** Registers a partner ID through the operator route. */
export async function registerPartnerId(partnerId: string, entry: { legalName: string; country: string; status?: 'active' | 'inactive' }) {
  const res = await api('PUT', `/operator/partner-ids/${partnerId}`, { user: operator, body: { status: 'active', ...entry } });
  if (res.status !== 200) throw new Error(`registry: ${res.status} ${res.text}`);
  return res.body;
}

let partnerIdCounter = 0;
export const uniquePartnerId = () => `${Date.now().toString().slice(-7)}${(partnerIdCounter++).toString().padStart(3, '0')}`;

/** Polls until `probe` returns a value (workflows run asynchronously). */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
