import type { PageFacts } from '../check/page-facts.js';
import type { Diagnostic } from '../diagnostics.js';
import { redirectHtml, redirectTarget } from '../generate/redirects.js';
import type { FileStamp } from '../read/file-stamps.js';
import { dependencyHasher, sha256 } from './cache/dependency-hasher.js';
import { lookupPage, PAGE_CACHE_FORMAT, type PageCache, type PageLookup } from './cache/page-cache.js';
import { pageCacheKey, seedPageNavHashes } from './cache/page-key.js';
import type { RenderContext } from './render-context.js';
import { type RenderedPage, renderPageBatch } from './render-page.js';
import { isRedirect, type RenderablePage } from './site-snapshot.js';

/** Why a page was rendered instead of taken from the cache. */
export interface PageRebuild {
  path: string;
  reason: string;
}

/** The pages' HTML, facts and diagnostics, and what the cache did. */
export interface RenderedPages {
  html: (string | null)[];
  checked: { outputPath: string; facts: PageFacts }[];
  diagnostics: Diagnostic[];
  /** Pages taken from the cache. */
  reused: number;
  /** Pages rendered, with the reason (all pages when the cache is off). */
  rebuilt: PageRebuild[];
  /** The cache to save, or null when nothing in it changed (or the cache is off). */
  nextCache: PageCache | null;
  /** Every page's entry after this render, changed or not (null when the cache is off). */
  entries: PageCache | null;
  /** Output files read back from the previous site and found to hold `html`, with their stamp then. */
  readBack: Map<string, { html: string; stamp: FileStamp }>;
  /** Each page's render diagnostics and what it read (null for redirect pages), in page order. */
  byPage: { diagnostics: Diagnostic[]; dependencies: readonly string[] | null }[];
}

/** The cache as `renderPages` uses it; `previous` null means empty. */
export interface RenderCacheInput {
  previous: PageCache | null;
  siteKey: string;
  galleyVersion: string;
  /** Where this build writes the site: the next cache's `destination`. */
  destination: string;
  /**
   * Reads a page's output file from the previous site (`previous.destination`), whose bytes an
   * entry without in-memory HTML must match; undefined when it is missing or unreadable.
   */
  readOutput: (outputPath: string) => { bytes: Buffer; stamp: FileStamp } | undefined;
  /** The previous site's folder as `--explain` names it (`_site`). */
  outputLabel: string;
}

/** Renders a list of pages (all of them, or the cache misses); results in the same order. */
export type PageRenderer = (pages: readonly RenderablePage[]) => Promise<RenderedPage[]>;

/** Told of each page as soon as it is rendered (progress, and writing it early), in no set order. */
export type OnRendered = (page: RenderablePage, rendered: RenderedPage) => void;

/** Renders pages in this thread, a few at a time (`renderPageBatch`). */
export function renderInThread(ctx: RenderContext, onRendered?: OnRendered): PageRenderer {
  return async (pages) => {
    const out: RenderedPage[] = [];
    for (let start = 0; start < pages.length; start += IN_THREAD_BATCH) {
      const batch = pages.slice(start, start + IN_THREAD_BATCH);
      for (const [n, rendered] of (await renderPageBatch(batch, ctx)).entries()) {
        out.push(rendered);
        onRendered?.(batch[n], rendered);
      }
    }
    return out;
  };
}

/** Pages whose Markdown conversions share one time-limit guard in this thread. */
const IN_THREAD_BATCH = 8;

/**
 * Renders the pages, reusing cached facts and diagnostics for every page whose key and recorded
 * dependencies are unchanged, with its HTML taken from memory or read back from the previous site
 * when that file still hashes as the entry says; the others go to `render` (this thread or a
 * worker pool) in one batch. Redirect pages (`redirect_to`) are generated, never cached. Results
 * are assembled in page order, so the output is the same with or without the cache and with any
 * renderer.
 */
export async function renderPages(
  pages: readonly RenderablePage[],
  ctx: RenderContext,
  cache: RenderCacheInput | null,
  render: PageRenderer,
): Promise<RenderedPages> {
  const { config } = ctx.snapshot;
  const objects = new WeakMap<object, string>();
  if (cache) seedPageNavHashes(ctx.snapshot.pages, objects);
  const hashDependency = dependencyHasher(ctx.snapshot, objects);
  const next: PageCache | null = cache
    ? { format: PAGE_CACHE_FORMAT, galley: cache.galleyVersion, destination: cache.destination, entries: {} }
    : null;
  const keys: string[] = [];
  const lookups: (PageLookup | null)[] = [];
  const readBack = new Map<string, { html: string; stamp: FileStamp }>();
  // With nothing to look up (a cold build), every page but the redirects is rendered: start at
  // once, so the keys (a quarter second on 4,000 pages) are hashed while the workers start.
  const early = !cache?.previous ? render(pages.filter((p) => !isRedirect(p))) : null;
  for (const page of pages) {
    const key = cache ? pageCacheKey(page, cache.siteKey, objects) : '';
    keys.push(key);
    if (isRedirect(page)) {
      lookups.push(null);
      continue;
    }
    const found = cache
      ? lookupPage(cache.previous, page.source.path, key, hashDependency)
      : { reason: 'the cache is off' };
    if (cache && 'hit' in found && found.hit.html === undefined) {
      const output = cache.readOutput(page.outputPath);
      // Bytes hashing as the UTF-8 of the HTML rendered then decode back to it.
      if (output && sha256(output.bytes) === found.hit.htmlHash) {
        const html = output.bytes.toString('utf8');
        lookups.push({ hit: { ...found.hit, html } });
        readBack.set(page.outputPath, { html, stamp: output.stamp });
      } else lookups.push({ reason: `its output in ${cache.outputLabel} is missing or was changed` });
    } else lookups.push(found);
  }
  const misses = pages.filter((_, i) => {
    const found = lookups[i];
    return found !== null && !('hit' in found);
  });
  const fresh = await (early ?? render(misses));

  const out: RenderedPages = {
    html: [],
    checked: [],
    diagnostics: [],
    reused: 0,
    rebuilt: [],
    nextCache: null,
    entries: next,
    readBack,
    byPage: [],
  };
  let missIndex = 0;
  for (const [i, page] of pages.entries()) {
    const found = lookups[i];
    if (found === null) {
      const to = String(page.source.data.redirect_to);
      out.html.push(redirectHtml(redirectTarget(to, config.url, config.baseurl)));
      out.byPage.push({ diagnostics: [], dependencies: null });
    } else if ('hit' in found) {
      out.reused++;
      out.html.push(found.hit.html as string);
      out.diagnostics.push(...found.hit.diagnostics);
      out.byPage.push({ diagnostics: found.hit.diagnostics, dependencies: Object.keys(found.hit.deps) });
      if (found.hit.facts) out.checked.push({ outputPath: page.outputPath, facts: found.hit.facts });
      if (next) next.entries[page.source.path] = found.hit;
    } else {
      const rendered = fresh[missIndex++];
      out.rebuilt.push({ path: page.source.path, reason: found.reason });
      out.diagnostics.push(...rendered.diagnostics);
      out.byPage.push({ diagnostics: rendered.diagnostics, dependencies: rendered.dependencies });
      out.html.push(rendered.html);
      if (rendered.facts) out.checked.push({ outputPath: page.outputPath, facts: rendered.facts });
      // Failed pages are not cached: they are rendered again, with their diagnostics, next time.
      if (next && rendered.html !== null) {
        next.entries[page.source.path] = {
          key: keys[i],
          deps: Object.fromEntries([...rendered.dependencies].sort().map((d) => [d, hashDependency(d)])),
          htmlHash: sha256(rendered.html),
          html: rendered.html,
          diagnostics: rendered.diagnostics.map(({ cause: _cause, ...d }) => d),
          ...(rendered.facts ? { facts: rendered.facts } : {}),
        };
      }
    }
  }
  const before = cache?.previous ? Object.keys(cache.previous.entries).length : -1;
  const moved = cache?.previous?.destination !== cache?.destination;
  if (next && (misses.length > 0 || moved || before !== Object.keys(next.entries).length))
    out.nextCache = next;
  return out;
}
