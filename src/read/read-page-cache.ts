import type { Diagnostic } from '../diagnostics.js';
import { PAGE_CACHE_FORMAT, type PageCache, type PageCacheEntry } from '../render/cache/page-cache.js';
import {
  type CacheIgnored,
  cacheIgnored,
  isObject,
  isStoredDiagnostic,
  readCacheJson,
} from './read-cache-json.js';

/** The render cache's file inside the source: beside the external-link cache, never over it. */
export const PAGE_CACHE_FILE = '.galley-cache/pages.json';

/**
 * Reads the render cache of a site. A missing cache is simply empty; a corrupt one, or one
 * written by another Galley version or cache format, is ignored with a `cache/ignored` warning and
 * never trusted: every entry is checked for the expected shape before use.
 */
export async function readPageCache(
  source: string,
  galleyVersion: string,
): Promise<{ cache: PageCache | null; diagnostics: Diagnostic[] }> {
  const ignored = cacheIgnored(
    PAGE_CACHE_FILE,
    'render cache',
    'every page is rendered again and the cache is rewritten',
  );
  const read = await readCacheJson(source, PAGE_CACHE_FILE, ignored);
  const doc = read.doc;
  if (doc === undefined) return { cache: null, diagnostics: read.diagnostics };
  if (!isObject(doc) || !isObject(doc.entries)) return asCache(ignored('not a Galley render cache'));
  if (doc.format !== PAGE_CACHE_FORMAT || doc.galley !== galleyVersion) {
    return asCache(
      ignored(
        `written by Galley ${String(doc.galley)} (format ${String(doc.format)}), this is ${galleyVersion} (format ${PAGE_CACHE_FORMAT})`,
      ),
    );
  }
  if (typeof doc.destination !== 'string')
    return asCache(ignored('it does not say where its pages were written'));
  for (const [file, entry] of Object.entries(doc.entries)) {
    if (!isEntry(entry)) return asCache(ignored(`the entry for ${file} is malformed`));
  }
  return { cache: doc as unknown as PageCache, diagnostics: [] };
}

const FACT_LISTS = ['links', 'ids', 'callouts', 'joins', 'unclosed', 'liquid'] as const;

function isEntry(v: unknown): v is PageCacheEntry {
  // An entry holding `html` is not one this version wrote: the HTML is only ever kept in memory.
  if (!isObject(v) || typeof v.key !== 'string' || typeof v.htmlHash !== 'string' || 'html' in v)
    return false;
  if (!isObject(v.deps) || !Object.values(v.deps).every((h) => typeof h === 'string')) return false;
  if (!Array.isArray(v.diagnostics) || !v.diagnostics.every(isStoredDiagnostic)) return false;
  if (v.facts === undefined) return true;
  const f = v.facts;
  return (
    isObject(f) &&
    typeof f.path === 'string' &&
    typeof f.url === 'string' &&
    typeof f.titled === 'boolean' &&
    FACT_LISTS.every((k) => Array.isArray(f[k]) && (f[k] as unknown[]).every(isObject))
  );
}

const asCache = ({ diagnostics }: CacheIgnored) => ({ cache: null, diagnostics });
