/**
 * Small JSON helpers shared by the local Step Functions server.
 */

/** A JSON value as the interpreter passes it around. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** True when `value` is a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts any value to plain JSON the way a JSON round trip would (Dates become ISO
 * strings, `undefined` becomes `null`), except that byte arrays become base64 strings as
 * the AWS SDK integrations of Step Functions render blobs.
 */
export function toJson(value: unknown): Json {
  if (value === undefined) return null;
  const text = JSON.stringify(value, function replaceBytes(this: Record<string, unknown>, key: string, inner: unknown) {
    const raw = this[key]; // before any toJSON (Buffer has one)
    return raw instanceof Uint8Array ? Buffer.from(raw).toString('base64') : inner;
  });
  return text === undefined ? null : (JSON.parse(text) as Json);
}

/** Calls `visit` on every string found anywhere in `value` (object keys excluded). */
export function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') {
    visit(value);
  } else if (Array.isArray(value)) {
    for (const item of value) forEachString(item, visit);
  } else if (isRecord(value)) {
    for (const item of Object.values(value)) forEachString(item, visit);
  }
}

/** Parses a JSON document, returning `undefined` instead of throwing when it is invalid. */
export function tryParseJson(text: string): { value: Json } | undefined {
  try {
    return { value: JSON.parse(text) as Json };
  } catch {
    return undefined;
  }
}
