// A worker gets the site snapshot by structured clone, which keeps shared objects shared but
// copies every string each time it is referenced, and gives each worker its own copy. A page's
// text was referenced three times (its `source.body`, its `page.content` and its file in
// `relativeFiles`), so each worker held the site's text three times: 64 MB for the 4,000-page
// bench site (issue 7). Packing keeps the page texts out of the clone:
// - The pages' bodies go as UTF-8 in one SharedArrayBuffer that every worker reads and none copies;
//   a page's `source.body` and `page.content` are decoded from it when read. Most pages' texts are
//   read only by their own render, so a worker holds only the bodies it is rendering (and those
//   of other pages its renders read: see unpackSnapshot).
// - A page's file in `relativeFiles` goes as the text before its body, joined when first read.
// The `vars` objects are posted as copies without `content`, put in every place the snapshot held
// the originals (`site.pages`, collections...), so they are still one object per page there.
import type { RenderablePage, SiteSnapshot } from '../site-snapshot.js';

/** A page file's text as posted: the text before its body (front matter), and the page's index. */
interface PageFileHead {
  head: string;
  page: number;
}

/** The snapshot as posted to a worker; `unpackSnapshot` turns it back into an equal snapshot. */
export interface PackedSnapshot {
  /** The snapshot, with the bodies of the pages in `bodyRanges` left out (empty strings). */
  snapshot: Omit<SiteSnapshot, 'relativeFiles'>;
  /** Page bodies, UTF-8, one after another; shared by every worker, not copied. */
  bodies: SharedArrayBuffer;
  /** Triples (page index, start, end): where each left-out body is in `bodies`. */
  bodyRanges: number[];
  /** `relativeFiles` in its order; page files that end with the page's body as a head only. */
  relativeFiles: Map<string, string | PageFileHead>;
}

/** Packs `snapshot` for posting to workers. Does not change it. */
export function packSnapshot(snapshot: SiteSnapshot): PackedSnapshot {
  // A body goes in the buffer when it is the page's `content` and survives UTF-8 unchanged (text
  // read from files always does; a generator's text with a lone surrogate would not).
  const moved = snapshot.pages.flatMap((page, i) => {
    const body = page.source.body;
    return body && page.vars.content === body && !LONE_SURROGATE.test(body) ? [i] : [];
  });
  let size = 0;
  for (const i of moved) size += Buffer.byteLength(snapshot.pages[i].source.body);
  const bodies = new SharedArrayBuffer(size);
  const bytes = Buffer.from(bodies);
  const bodyRanges: number[] = [];
  // The copies keep `content` where it was (as ''), so the key order Liquid iterates is unchanged.
  const copies = new Map<object, object>();
  let at = 0;
  for (const i of moved) {
    const end = at + bytes.write(snapshot.pages[i].source.body, at);
    bodyRanges.push(i, at, end);
    at = end;
    copies.set(snapshot.pages[i].vars, { ...snapshot.pages[i].vars, content: '' });
  }
  const memo = new Map<object, unknown>();
  // A copy's own values may hold other pages' `vars` (a generator's cross references).
  for (const copy of copies.values()) {
    const fields = copy as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) fields[key] = substitute(value, copies, memo);
  }
  const movedSet = new Set(moved);
  const pages = snapshot.pages.map((page, i): RenderablePage => {
    const vars = substitute(page.vars, copies, memo) as RenderablePage['vars'];
    const source = movedSet.has(i) ? { ...page.source, body: '' } : page.source;
    return vars === page.vars && source === page.source ? page : { ...page, source, vars };
  });

  const pageByPath = new Map(snapshot.pages.map((page, i) => [page.source.path, i]));
  const relativeFiles = new Map<string, string | PageFileHead>();
  for (const [file, text] of snapshot.relativeFiles) {
    const page = pageByPath.get(file);
    const body = page === undefined ? '' : snapshot.pages[page].source.body;
    // A file with CRLF line ends or a changed body does not end with the body: sent whole.
    if (page === undefined || !body || !text.endsWith(body)) relativeFiles.set(file, text);
    else relativeFiles.set(file, { head: text.slice(0, text.length - body.length), page });
  }
  const { relativeFiles: _whole, ...rest } = snapshot;
  const site = substitute(snapshot.site, copies, memo) as SiteSnapshot['site'];
  return { snapshot: { ...rest, pages, site }, bodies, bodyRanges, relativeFiles };
}

/**
 * The snapshot a packed one was made from; mutates the (cloned) packed value. `rendering` names
 * the page being rendered: its body is decoded on every read (a few per render), and dropped with
 * the render; another page's body, once read (a layout looping over `site.pages` reads them all on
 * every page), is kept, so a site that reads them pays the memory once instead of the decoding on
 * every page.
 */
export function unpackSnapshot(packed: PackedSnapshot, rendering: () => number = () => -1): SiteSnapshot {
  const { pages } = packed.snapshot;
  const bytes = Buffer.from(packed.bodies);
  const ranges = packed.bodyRanges;
  const kept = new Map<number, string>();
  for (let k = 0; k < ranges.length; k += 3) {
    const [i, start, end] = [ranges[k], ranges[k + 1], ranges[k + 2]];
    const read = () => {
      let text = kept.get(i);
      if (text !== undefined) return text;
      text = bytes.toString('utf8', start, end);
      if (rendering() !== i) kept.set(i, text);
      return text;
    };
    const body = { get: read, enumerable: true, configurable: true };
    Object.defineProperty(pages[i].source, 'body', body);
    Object.defineProperty(pages[i].vars, 'content', body);
  }
  return { ...packed.snapshot, relativeFiles: new JoinedFiles(packed.relativeFiles, pages) };
}

/**
 * `value` with every object in `copies` replaced by its copy, copying only the arrays and plain
 * objects on the way to one; shared objects stay shared. A cycle back to an object being copied
 * keeps the original there (it still holds equal values, only not the same object).
 */
function substitute(
  value: unknown,
  copies: ReadonlyMap<object, object>,
  memo: Map<object, unknown>,
): unknown {
  if (value === null || typeof value !== 'object') return value;
  const copy = copies.get(value);
  if (copy) return copy;
  if (memo.has(value)) return memo.get(value);
  const prototype = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && prototype !== Object.prototype && prototype !== null) return value;
  memo.set(value, value);
  let changed: Record<string, unknown> | unknown[] | null = null;
  for (const [key, item] of Object.entries(value)) {
    const next = substitute(item, copies, memo);
    if (next === item) continue;
    changed ??= isArray ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
    (changed as Record<string, unknown>)[key] = next;
  }
  const result = changed ?? value;
  memo.set(value, result);
  return result;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `relativeFiles` whose page files are joined from head and body when first read. */
class JoinedFiles implements ReadonlyMap<string, string> {
  private readonly joined = new Map<string, string>();

  constructor(
    private readonly packed: ReadonlyMap<string, string | PageFileHead>,
    private readonly pages: readonly RenderablePage[],
  ) {}

  get size(): number {
    return this.packed.size;
  }

  has(file: string): boolean {
    return this.packed.has(file);
  }

  get(file: string): string | undefined {
    const value = this.packed.get(file);
    if (value === undefined || typeof value === 'string') return value;
    let text = this.joined.get(file);
    if (text === undefined) {
      text = value.head + this.pages[value.page].source.body;
      this.joined.set(file, text);
    }
    return text;
  }

  *keys(): MapIterator<string> {
    yield* this.packed.keys();
  }

  *values(): MapIterator<string> {
    for (const file of this.packed.keys()) yield this.get(file) as string;
  }

  *entries(): MapIterator<[string, string]> {
    for (const file of this.packed.keys()) yield [file, this.get(file) as string];
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(
    callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown,
  ) {
    for (const [file, text] of this.entries()) callback.call(thisArg, text, file, this);
  }
}
