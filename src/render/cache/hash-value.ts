import { createHash } from 'node:crypto';

/**
 * A content hash of a JSON-like value (objects, arrays, strings, numbers, Dates), memoised by
 * object identity in `memo` (those whose text is long enough to be digested). Navigation makes
 * pages share large objects (the group's menu tree, `site.pages` entries); with the memo each
 * shared object is hashed once per build instead of once per page that holds it. Key order
 * counts, as it does in Liquid's iteration.
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
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (const item of value) text += `${hashValue(item, memo)},`;
  } else {
    text = '{';
    for (const [k, v] of Object.entries(value)) text += `${JSON.stringify(k)}:${hashValue(v, memo)},`;
  }
  // Small objects stand for themselves and are not remembered: their texts are chains of joined
  // pieces, and keeping one per object of a 4,000-page site held ~25 MB through the render.
  if (text.length <= SMALL) {
    memo.delete(value);
    return text;
  }
  const digest = `#${createHash('sha256').update(text).digest('hex')}`;
  memo.set(value, digest);
  return digest;
}

/** Up to this length an object's text is kept as its hash (a digest costs more than it saves). */
const SMALL = 256;
