import type { SiteConfig } from '../../config/site-config.js';
import { markedNavOrigin } from '../../nav/page-nav.js';
import type { RenderablePage } from '../site-snapshot.js';
import { sha256 } from './dependency-hasher.js';
import { hashValue } from './hash-value.js';
import { PAGE_CACHE_FORMAT } from './page-cache.js';

/**
 * The part of every page's cache key that is the same for the whole site: Galley's version and
 * cache format, the resolved config (but not the destination), the plugins' code, and whether checks collect facts.
 */
export function siteCacheKey(
  config: SiteConfig,
  galleyVersion: string,
  pluginFingerprint: readonly string[],
  collectFacts: boolean,
): string {
  // Where the site is written does not change what a page renders to; nor do the names of the
  // config files, which are relative to the working folder (their values are in the key), so
  // `galley build -s site` from elsewhere and `galley build` inside it share one cache.
  const replacer = function (this: unknown, key: string, value: unknown) {
    if (key === 'destination' || (this === config && key === 'files')) return undefined;
    return value instanceof RegExp ? String(value) : value;
  };
  return sha256(
    JSON.stringify(
      { format: PAGE_CACHE_FORMAT, galleyVersion, config, pluginFingerprint, collectFacts },
      replacer,
    ),
  );
}

/**
 * A page's cache key: the site key plus everything about the page itself (path, body (as
 * `page.content`), where the body starts, front matter and its lines, its `page` variables including navigation, its URL).
 * `memo` shares the hashes of objects pages have in common (the menu tree) across one build.
 */
export function pageCacheKey(
  page: RenderablePage,
  siteKey: string,
  memo: WeakMap<object, string> = new WeakMap(),
): string {
  const { source } = page;
  return hashValue(
    [
      siteKey,
      source.path,
      // The body is not listed: `page.vars.content` is the body, and hashing a page's largest
      // string twice was a tenth of a warm build.
      source.bodyLine,
      source.keyLines,
      source.ownKeys,
      source.markdown,
      source.data,
      page.url,
      page.outputPath,
      page.vars,
    ],
    memo,
  );
}

/**
 * Seeds `memo` with the hash of each page's `page.nav` copy: the hash of the sidebar it was
 * marked from plus the marked path, which determine it (see `markedNavOrigin`). Walking every
 * copy instead was most of the time spent on page keys (each copies the top lists of a sidebar
 * of thousands of entries). Must run before anything else in the build hashes with `memo`, so a
 * copy always hashes the same way whichever page or dependency reaches it first.
 */
export function seedPageNavHashes(pages: readonly RenderablePage[], memo: WeakMap<object, string>): void {
  for (const page of pages) {
    const nav = page.vars.nav;
    const origin = Array.isArray(nav) ? markedNavOrigin(nav) : undefined;
    if (origin && !memo.has(nav as object))
      memo.set(nav as object, `nav:${hashValue(origin.sidebar, memo)}@${origin.path.join('.')}`);
  }
}
