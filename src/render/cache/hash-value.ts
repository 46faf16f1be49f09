import { createHash, randomUUID } from 'node:crypto';

/**
 * A content hash of a JSON-like value (objects, arrays, strings, numbers, Dates), memoised by
 * object identity in `memo` (those whose text is long enough to be digested). Navigation makes
 * pages share large objects (the group's menu tree, `site.pages` entries); with the memo each
 * shared object is hashed once per build instead of once per page that holds it. Key order
 * counts, as it does in Liquid's iteration.
 *
 * Cycles (a generator linking pages' data to each other: parent and children) hash as a marker
 * where they close, saying how far up. An object whose text has a marker for an object above it
 * depends on where the hashing started, so it is not memoised: a memoised text missing part of
 * the cycle made a page's key blind to changes there, and the page was taken stale from the
 * cache. Hashing such objects again for every value that reaches them can take long (each page of
 * a large section reaching all of it): past `CYCLE_BUDGET` characters of them in one build, a
 * value whose hash meets a cycle gets a fresh random hash instead, so pages holding it are always
 * rendered, never stale.
 */
export function hashValue(value: unknown, memo: WeakMap<object, string>): string {
  if (open.size > 0) return hashPart(value, memo);
  try {
    return hashPart(value, memo);
  } catch (error) {
    if (error !== OVER_BUDGET) throw error;
    return `#cyclic-${randomUUID()}`;
  } finally {
    // Also after a value that cannot be hashed (a throwing getter), so no object stays marked open.
    open.clear();
    closedAt = Number.POSITIVE_INFINITY;
  }
}

/** Objects being hashed, from the value asked for down to the current one, with their depths. */
const open = new Map<object, number>();
/** The smallest depth of an open object that a cycle closed at, below the current object. */
let closedAt = Number.POSITIVE_INFINITY;
/** Characters of texts left unmemoised because of cycles, so far in each build (memo). */
const spent = new WeakMap<WeakMap<object, string>, number>();
/** Characters of cycle members hashed again per build before cyclic values get random hashes. */
const CYCLE_BUDGET = 20_000_000;
const OVER_BUDGET = new Error('cyclic values took too long to hash');

function hashPart(value: unknown, memo: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return `fn:${String(value)}`;
    if (typeof value === 'bigint') return `${value}n`;
    return JSON.stringify(value) ?? String(value);
  }
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (value instanceof Date) return `date:${value.getTime()}`;
  if (value instanceof RegExp) return `re:${String(value)}`;
  const at = open.get(value);
  if (at !== undefined) {
    if ((spent.get(memo) ?? 0) > CYCLE_BUDGET) throw OVER_BUDGET;
    if (at < closedAt) closedAt = at;
    // How many levels up it closes: x = {a: {b: x}} and x = {a: y}, y = {b: y} must not hash the same.
    return `cycle:${open.size - at}`;
  }
  const depth = open.size;
  open.set(value, depth);
  const outer = closedAt;
  closedAt = Number.POSITIVE_INFINITY;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (const item of value) text += `${hashPart(item, memo)},`;
  } else {
    text = '{';
    for (const [k, v] of Object.entries(value)) text += `${JSON.stringify(k)}:${hashPart(v, memo)},`;
  }
  open.delete(value);
  const closesAbove = closedAt < depth;
  if (outer < closedAt) closedAt = outer;
  if (closesAbove) spent.set(memo, (spent.get(memo) ?? 0) + text.length);
  // Small objects stand for themselves and are not remembered: their texts are chains of joined
  // pieces, and keeping one per object of a 4,000-page site held ~25 MB through the render.
  if (text.length <= SMALL) return text;
  const digest = `#${createHash('sha256').update(text).digest('hex')}`;
  if (!closesAbove) memo.set(value, digest);
  return digest;
}

/** Up to this length an object's text is kept as its hash (a digest costs more than it saves). */
const SMALL = 256;
