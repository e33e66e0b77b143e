/**
 * The bench's own small client of the local cloud: the public API as an outside caller
 * uses it, the local-only routes (tokens, clock, sweep), and a watcher of the SES
 * emulator's store. Counts the API requests it makes — each one is one Lambda invocation
 * (and one HTTP API request) on AWS.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export type Role = 'global_admin' | 'user_admin' | 'admin_agent' | 'sales_agent' | 'operator';
export interface User {
  tenantId: string;
  tenantCountry: string;
  email: string;
  roles: Role[];
  sub?: string;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  /** Wall time of the request, client side, in milliseconds. */
  ms: number;
}

export interface RequestOptions {
  user?: User;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export const vettingSecret = process.env.VETTING_WEBHOOK_SECRET ?? 'whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l';

export class BenchClient {
  /** Requests to API routes (not `/_local/*`): HTTP API requests = HTTP Lambda invocations. */
  apiRequests = 0;
  private readonly tokens = new Map<string, Promise<string>>();
  private clockOffsetMs = 0;

  constructor(readonly baseUrl: string) {}

  /** A bearer token for the user, minted by the local issuer (cached; the cache is dropped when the clock moves). */
  token(user: User): Promise<string> {
    const key = JSON.stringify(user);
    let token = this.tokens.get(key);
    if (!token) {
      token = this.local<{ token: string }>('POST', '/_local/tokens', user).then((r) => r.token);
      token.catch(() => this.tokens.delete(key));
      this.tokens.set(key, token);
    }
    return token;
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const token = options.token ?? (options.user ? await this.token(options.user) : undefined);
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers };
    let body = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.body);
    }
    if (!path.startsWith('/_local/')) this.apiRequests += 1;
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('application/json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, text, ms };
  }

  /** Like `request`, but throws unless the status is the expected one. */
  async expect<T = any>(status: number, method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const reply = await this.request<T>(method, path, options);
    if (reply.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${reply.status} ${reply.text.slice(0, 300)}`);
    return reply;
  }

  private async local<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Moves the local clock forward; tokens minted before are dropped (they may have expired). */
  async advanceClock(seconds: number): Promise<Date> {
    const { now } = await this.local<{ now: string }>('POST', '/_local/clock', { advanceSeconds: seconds });
    this.clockOffsetMs = Date.parse(now) - Date.now();
    this.tokens.clear();
    return new Date(now);
  }

  /** The local clock (everything local, webhook timestamp checks included, reads it). */
  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  /** Runs the scheduled sweep now (`POST /_local/sweep`): one invocation of the sweep function. */
  sweep(): Promise<{ reminded: number; expired: number; redriven: number; examined: number }> {
    return this.local('POST', '/_local/sweep');
  }

  /** A vetting-service webhook, signed with Standard Webhooks as the vetting service would. */
  vettingWebhook(enrollmentId: string, outcome: 'approved' | 'rejected' = 'approved'): RequestOptions {
    const rawBody = JSON.stringify({ type: 'vetting.completed', data: { enrollmentId, outcome, reasons: [] } });
    const id = `msg_${randomUUID()}`;
    const at = this.now();
    return {
      rawBody,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(vettingSecret).sign(id, at, rawBody),
      },
    };
  }
}

interface StoredEmail {
  messageId: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

export interface SeenEmail {
  id: string;
  to: string[];
  subject: string;
  text: string;
}

interface Waiter {
  to: string;
  what: string;
  match: (email: SeenEmail) => boolean;
  resolve: (email: SeenEmail) => void;
  reject: (error: Error) => void;
  deadline: number;
}

/**
 * Watches the SES emulator's store (`GET /store?since=<epoch seconds>`, its own API) with
 * one poller for all waiters, so waiting for a verification email costs the system under
 * test nothing and does not grow with the number of emails sent.
 */
export class MailWatcher {
  private readonly seen = new Set<string>();
  private readonly byRecipient = new Map<string, SeenEmail[]>();
  private readonly waiters = new Set<Waiter>();
  private since = Math.floor(Date.now() / 1000) - 1;
  private polling: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Emails sent (one per recipient, as SES bills them) since the watcher started or was cleared. */
  recipients = 0;

  constructor(private readonly sesEndpoint: string, private readonly intervalMs = 15) {}

  /** Reads what is new in the store now. */
  sync(): Promise<void> {
    this.polling ??= this.poll().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async poll(): Promise<void> {
    const res = await fetch(`${this.sesEndpoint}/store?since=${this.since}`);
    const { emails } = (await res.json()) as { emails: StoredEmail[] };
    for (const e of emails) {
      // The emulator's message ids are 9 random digits: make the key unique enough.
      const key = `${e.messageId}|${e.at}|${e.destination.to.join(',')}|${e.subject}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.since = Math.max(this.since, e.at);
      const recipients = [...e.destination.to, ...(e.destination.cc ?? []), ...(e.destination.bcc ?? [])];
      this.recipients += recipients.length;
      const email: SeenEmail = { id: e.messageId, to: recipients, subject: e.subject, text: e.body.text ?? '' };
      for (const to of recipients) {
        const key = to.toLowerCase();
        const list = this.byRecipient.get(key) ?? [];
        list.push(email);
        this.byRecipient.set(key, list);
      }
    }
    const now = Date.now();
    for (const w of this.waiters) {
      const found = this.byRecipient.get(w.to)?.find(w.match);
      if (found) {
        this.waiters.delete(w);
        w.resolve(found);
      } else if (now > w.deadline) {
        this.waiters.delete(w);
        w.reject(new Error(`no ${w.what} (to ${w.to}) within the timeout`));
      }
    }
  }

  private schedule(): void {
    if (this.timer || this.waiters.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sync()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.intervalMs);
  }

  /** Resolves with the first email to `to` that matches (already seen or still to come). */
  waitFor(to: string, match: (email: SeenEmail) => boolean = () => true, timeoutMs = 20_000, what = 'a matching email'): Promise<SeenEmail> {
    const key = to.toLowerCase();
    const already = this.byRecipient.get(key)?.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      this.waiters.add({ to: key, what, match, resolve, reject, deadline: Date.now() + timeoutMs });
      this.schedule();
    });
  }

  /** Forgets what was seen and empties the emulator's store (keeps its answers small). */
  async clear(): Promise<void> {
    if (this.waiters.size) throw new Error('cannot clear the mail store while waiting for mail');
    await this.polling;
    await fetch(`${this.sesEndpoint}/clear-store`, { method: 'POST' });
    this.seen.clear();
    this.byRecipient.clear();
    this.recipients = 0;
    this.since = Math.floor(Date.now() / 1000) - 1;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters) w.reject(new Error('mail watcher stopped'));
    this.waiters.clear();
  }
}

/** The token of the first `/verify/{token}` link in an email. */
export function verifyTokenIn(email: SeenEmail): string {
  const m = /\/verify\/([A-Za-z0-9_-]+)/.exec(email.text);
  if (!m) throw new Error(`no verification link in "${email.subject}"`);
  return m[1]!;
}
