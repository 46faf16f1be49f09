// A worker gets the site snapshot by structured clone, which keeps shared objects shared but
// copies every string each time it is referenced. A page's text was referenced three times (its
// `source.body`, its `page.content` and its file in `relativeFiles`), so each worker received the
// site's text three times: 64 MB for the 4,000-page bench site (issue 7). Packing sends it once:
// `source.body` is left out where it is the page's `content` (the `vars` objects, also reached
// through `site.pages`, are posted untouched), and a page's file goes as the text before its body.
// Unpacking restores both, the file texts lazily since most are never read. The pages' `source`
// objects are posted as copies (only reached through `pages`, unless a generator stored one in
// `site.data`: that one would arrive as a second object, equal but not the same).
import type { RenderablePage, SiteSnapshot } from '../site-snapshot.js';

/** A page file's text as posted: the text before its body (front matter), and the page's index. */
interface PageFileHead {
  head: string;
  page: number;
}

/** The snapshot as posted to a worker; `unpackSnapshot` turns it back into an equal snapshot. */
export interface PackedSnapshot {
  snapshot: Omit<SiteSnapshot, 'relativeFiles'>;
  /** Indices of pages whose `source.body` was left out: it is their `vars.content`. */
  bodyIsContent: number[];
  /** `relativeFiles` in its order; page files that end with the page's body as a head only. */
  relativeFiles: Map<string, string | PageFileHead>;
}

/** Packs `snapshot` for posting to workers. Does not change it. */
export function packSnapshot(snapshot: SiteSnapshot): PackedSnapshot {
  const bodyIsContent: number[] = [];
  const pageByPath = new Map<string, number>();
  const pages = snapshot.pages.map((page, i): RenderablePage => {
    pageByPath.set(page.source.path, i);
    if (page.vars.content !== page.source.body) return page;
    bodyIsContent.push(i);
    return { ...page, source: { ...page.source, body: '' } };
  });
  const relativeFiles = new Map<string, string | PageFileHead>();
  for (const [file, text] of snapshot.relativeFiles) {
    const page = pageByPath.get(file);
    const body = page === undefined ? '' : snapshot.pages[page].source.body;
    // A file with CRLF line ends or a changed body does not end with the body: sent whole.
    if (page === undefined || !body || !text.endsWith(body)) relativeFiles.set(file, text);
    else relativeFiles.set(file, { head: text.slice(0, text.length - body.length), page });
  }
  const { relativeFiles: _whole, ...rest } = snapshot;
  return { snapshot: { ...rest, pages }, bodyIsContent, relativeFiles };
}

/** The snapshot a packed one was made from; mutates the (cloned) packed value. */
export function unpackSnapshot(packed: PackedSnapshot): SiteSnapshot {
  const { pages } = packed.snapshot;
  for (const i of packed.bodyIsContent) {
    const page = pages[i] as { source: { body: string }; vars: { content?: unknown } };
    page.source.body = page.vars.content as string;
  }
  return { ...packed.snapshot, relativeFiles: new JoinedFiles(packed.relativeFiles, pages) };
}

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
