import { invalidRequest } from './errors.js';

/** Opaque pagination cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw invalidRequest('invalid_cursor', 'The cursor is not valid.', 'cursor');
}

/** A cursor only continues the listing it came from: another partition's key is refused. */
export function cursorFor(cursor: Record<string, unknown> | undefined, partition: { name: string; value: string }): Record<string, unknown> | undefined {
  if (cursor && cursor[partition.name] !== partition.value) throw invalidRequest('invalid_cursor', 'The cursor belongs to another listing.', 'cursor');
  return cursor;
}
