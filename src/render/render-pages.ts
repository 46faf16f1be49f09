import type { PageFacts } from '../check/page-facts.js';
import type { Diagnostic } from '../diagnostics.js';
import { redirectHtml, redirectTarget } from '../generate/redirects.js';
import { dependencyHasher } from './cache/dependency-hasher.js';
import { lookupPage, PAGE_CACHE_FORMAT, type PageCache } from './cache/page-cache.js';
import { pageCacheKey } from './cache/page-key.js';
import type { RenderContext } from './render-context.js';
import { renderPage } from './render-page.js';
import type { RenderablePage } from './site-snapshot.js';

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
}

/** The cache as `renderPages` uses it; `previous` null means empty. */
export interface RenderCacheInput {
  previous: PageCache | null;
  siteKey: string;
  galleyVersion: string;
}

/**
 * Renders the pages in order, reusing cached HTML, facts and diagnostics for every page whose key
 * and recorded dependencies are unchanged. Redirect pages (`redirect_to`) are generated, never
 * cached. Output is the same with or without the cache.
 */
export async function renderPages(
  pages: readonly RenderablePage[],
  ctx: RenderContext,
  cache: RenderCacheInput | null,
  onProgress?: (done: number, total: number) => void,
): Promise<RenderedPages> {
  const { config } = ctx.snapshot;
  const objects = new WeakMap<object, string>();
  const hashDependency = dependencyHasher(ctx.snapshot, objects);
  const next: PageCache | null = cache
    ? { format: PAGE_CACHE_FORMAT, galley: cache.galleyVersion, entries: {} }
    : null;
  const out: RenderedPages = {
    html: [],
    checked: [],
    diagnostics: [],
    reused: 0,
    rebuilt: [],
    nextCache: null,
  };
  let changed = false;
  for (const [i, page] of pages.entries()) {
    const redirectTo = page.source.data.redirect_to;
    if (typeof redirectTo === 'string' && redirectTo !== '') {
      out.html.push(redirectHtml(redirectTarget(redirectTo, config.url, config.baseurl)));
      onProgress?.(i + 1, pages.length);
      continue;
    }
    const key = cache ? pageCacheKey(page, cache.siteKey, objects) : '';
    const found = cache
      ? lookupPage(cache.previous, page.source.path, key, hashDependency)
      : { reason: 'the cache is off' };
    if ('hit' in found) {
      out.reused++;
      out.html.push(found.hit.html);
      out.diagnostics.push(...found.hit.diagnostics);
      if (found.hit.facts) out.checked.push({ outputPath: page.outputPath, facts: found.hit.facts });
      if (next) next.entries[page.source.path] = found.hit;
    } else {
      const rendered = await renderPage(page, ctx);
      out.rebuilt.push({ path: page.source.path, reason: found.reason });
      out.diagnostics.push(...rendered.diagnostics);
      out.html.push(rendered.html);
      if (rendered.facts) out.checked.push({ outputPath: page.outputPath, facts: rendered.facts });
      changed = true;
      // Failed pages are not cached: they are rendered again, with their diagnostics, next time.
      if (next && rendered.html !== null) {
        next.entries[page.source.path] = {
          key,
          deps: Object.fromEntries(rendered.dependencies.sort().map((d) => [d, hashDependency(d)])),
          html: rendered.html,
          diagnostics: rendered.diagnostics.map(({ cause: _cause, ...d }) => d),
          ...(rendered.facts ? { facts: rendered.facts } : {}),
        };
      }
    }
    onProgress?.(i + 1, pages.length);
  }
  const before = cache?.previous ? Object.keys(cache.previous.entries).length : -1;
  if (next && (changed || before !== Object.keys(next.entries).length)) out.nextCache = next;
  return out;
}
