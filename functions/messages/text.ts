/**
 * Plain-text hygiene for values that end up in email headers and bodies.
 */

// C0 and C1 controls, DEL, the Unicode line/paragraph separators, and the bidirectional
// controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), which could make a value
// spoof what a subject says; requests refuse them, this also covers older stored values.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g;

/** Collapses every control character (CR, LF, tab…) into one space, then trims. */
export function oneLine(value: string): string {
  return value.toWellFormed().replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Keeps line breaks (normalised to `\n`), drops every other control character. */
export function multiline(value: string): string {
  return value
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL_EXCEPT_NEWLINE, ' ')
    .trim();
}

/** A subject line can never carry CR/LF (no header injection). */
export function subjectLine(value: string): string {
  return oneLine(value);
}

/**
 * Returns a copy of a message's values with every string made single-line
 * ({@link oneLine}), except under the keys listed in `multilineKeys` ({@link multiline}).
 */
export function cleanValues<T>(value: T, multilineKeys: readonly string[], key = ''): T {
  if (typeof value === 'string') {
    return (multilineKeys.includes(key) ? multiline(value) : oneLine(value)) as T;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => cleanValues(item, multilineKeys, key)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, cleanValues(v, multilineKeys, k)]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}
