/** Returns the URL unchanged if it is an absolute http(s) URL; throws otherwise. Emails carry absolute URLs only. */
export function absoluteUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError(`not an http(s) URL: ${JSON.stringify(url)}`);
  }
  return url;
}

/** Returns the URL if it is absolute http(s) or a same-origin path (`/…`, not `//…`); throws otherwise. */
export function pageUrl(url: string): string {
  if (url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')) return url;
  return absoluteUrl(url);
}
