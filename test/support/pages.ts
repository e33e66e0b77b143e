import { baseUrl, type User } from './api.js';

/** The link pages as a browser sees them: HTML, cookies, form posts, no redirects followed. */
export interface PageResponse {
  status: number;
  headers: Headers;
  html: string;
}

export interface PageOptions {
  /** `name=value` pairs of the Cookie header. */
  cookie?: string;
  acceptLanguage?: string;
  /** The Origin header a browser sends with a form post; the site's own origin by default. */
  origin?: string | null;
  /** Fetch Metadata a browser adds (`same-origin`, `same-site`, `cross-site`, `none`). */
  secFetchSite?: string;
}

async function fetchPage(method: string, path: string, options: PageOptions, form?: Record<string, string>): Promise<PageResponse> {
  const headers: Record<string, string> = { accept: 'text/html' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.acceptLanguage) headers['accept-language'] = options.acceptLanguage;
  if (method === 'POST') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    if (options.origin !== null) headers.origin = options.origin ?? new URL(baseUrl()).origin;
  }
  if (options.secFetchSite) headers['sec-fetch-site'] = options.secFetchSite;
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers,
    redirect: 'manual',
    ...(method === 'POST' ? { body: new URLSearchParams(form ?? {}).toString() } : {}),
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

export const getPage = (path: string, options: PageOptions = {}) => fetchPage('GET', path, options);

export const postForm = (path: string, form: Record<string, string> = {}, options: PageOptions = {}) => fetchPage('POST', path, options, form);

/** Signs in through the local sign-in form as any user; returns the `pp_session=…` cookie pair and the redirect. */
export async function signIn(user: User, returnTo: string): Promise<{ cookie: string; location: string; setCookie: string }> {
  const res = await postForm('/_local/sign-in', { user: JSON.stringify(user), returnTo });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const pair = /^pp_session=[^;]+/.exec(setCookie)?.[0];
  if (res.status !== 303 || !pair) throw new Error(`sign-in: ${res.status} ${res.html}`);
  return { cookie: pair, location: res.headers.get('location') ?? '', setCookie };
}

/** The path of an absolute link. */
export const pathOf = (link: string) => new URL(link).pathname;
