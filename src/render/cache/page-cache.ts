import type { PageFacts } from '../../check/page-facts.js';
import type { Diagnostic } from '../../diagnostics.js';

/** Bumped whenever the shape or meaning of cache entries changes. */
export const PAGE_CACHE_FORMAT = 2;

/**
 * What the cache keeps of one rendered page: enough to skip rendering it. The file keeps only a
 * hash of the HTML, since the HTML itself is already in the site the build wrote (keeping it too
 * doubled a large site's writes); the HTML is read back from there and used when its hash matches.
 */
export interface PageCacheEntry {
  /** Hash of the page itself (source, front matter, `page` variables), the site key and the mode. */
  key: string;
  /** Each dependency the render read (`_includes/x`, `layout:name`, `site:pages`, `data:x`), with the hash of what it read. */
  deps: Record<string, string>;
  /** SHA-256 of the page's HTML (as UTF-8), which its output file must match to be reused. */
  htmlHash: string;
  /**
   * The HTML itself, kept in memory only (a long-lived builder's entries, and the HTML read back
   * during a build); never saved to the file.
   */
  html?: string;
  /** The page's render diagnostics, without `cause`. */
  diagnostics: Diagnostic[];
  /** The checker's facts, when the page was rendered with checks on. */
  facts?: PageFacts;
}

/** The whole render cache: entries by source path, valid for one Galley version and cache format. */
export interface PageCache {
  format: number;
  galley: string;
  /** The site folder (absolute) holding the outputs the entries' `htmlHash` describe: the last one written. */
  destination: string;
  entries: Record<string, PageCacheEntry>;
}

/** Outcome of looking a page up: the entry to reuse, or why the page must be rendered. */
export type PageLookup = { hit: PageCacheEntry } | { reason: string };

/**
 * Finds a reusable entry: same page key, and every dependency still hashes as it did when the
 * page was rendered. Otherwise says why not, naming the first changed dependency.
 */
export function lookupPage(
  cache: PageCache | null,
  path: string,
  key: string,
  hashDependency: (name: string) => string,
): PageLookup {
  const entry = cache?.entries[path];
  if (!entry) return { reason: 'not in the cache' };
  if (entry.key !== key)
    return { reason: 'the page, its front matter, the config or the build mode changed' };
  for (const [name, hash] of Object.entries(entry.deps)) {
    if (hashDependency(name) !== hash) return { reason: `${describeDependency(name)} changed` };
  }
  return { hit: entry };
}

/** Words for a dependency name in `--explain` output. */
export function describeDependency(name: string): string {
  if (name.startsWith('layout:')) return `layout "${name.slice(7)}"`;
  if (name.startsWith('data:')) return `site.data.${name.slice(5)}`;
  if (name === 'site:*') return 'the site object';
  if (name.startsWith('site:')) return `site.${name.slice(5)}`;
  if (name.startsWith('link:')) return `the URL of ${name.slice(5)}`;
  return name;
}
