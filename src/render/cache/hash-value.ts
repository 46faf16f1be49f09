import { createHash } from 'node:crypto';

/**
 * A content hash of a JSON-like value (objects, arrays, strings, numbers, Dates), memoised by
 * object identity in `memo`. Navigation makes pages share large objects (the group's menu tree,
 * `site.pages` entries); with the memo each shared object is hashed once per build instead of
 * once per page that holds it. Key order counts, as it does in Liquid's iteration.
 */
export function hashValue(value: unknown, memo: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return `fn:${String(value)}`;
    return JSON.stringify(value) ?? String(value);
  }
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (value instanceof Date) return `date:${value.getTime()}`;
  if (value instanceof RegExp) return `re:${String(value)}`;
  // A cycle hashes as a marker where it closes; the same structure always gives the same text.
  memo.set(value, 'cycle');
  const hash = createHash('sha256');
  if (Array.isArray(value)) {
    hash.update('[');
    for (const item of value) hash.update(`${hashValue(item, memo)},`);
  } else {
    hash.update('{');
    for (const [k, v] of Object.entries(value)) hash.update(`${JSON.stringify(k)}:${hashValue(v, memo)},`);
  }
  const digest = `#${hash.digest('hex')}`;
  memo.set(value, digest);
  return digest;
}
