import path from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { readTextIfExists } from './read-text-if-exists.js';

/** What reading a cache file gave: nothing, a parsed document, or a `cache/ignored` warning. */
export type CacheJson = { doc: unknown; diagnostics: [] } | CacheIgnored;
/** No document to use (`doc` undefined): none on disk, or the warning saying why it was ignored. */
export type CacheIgnored = { doc: undefined; diagnostics: Diagnostic[] };

/**
 * Reads one JSON file of `.galley-cache/`: missing gives `doc: undefined` quietly (a file holding `null` is a document, and is rejected by the caller's shape check); invalid JSON gives
 * the `cache/ignored` warning made by `ignored`, which callers also use for shapes they reject.
 */
export async function readCacheJson(
  source: string,
  file: string,
  ignored: (why: string) => CacheIgnored,
): Promise<CacheJson> {
  const text = await readTextIfExists(path.join(source, file));
  if (text === undefined) return { doc: undefined, diagnostics: [] };
  try {
    return { doc: JSON.parse(text) as unknown, diagnostics: [] };
  } catch (error) {
    return ignored(`not valid JSON (${(error as Error).message})`);
  }
}

/** The `cache/ignored` warning for `file`: `what ignored: why`, with what happens instead. */
export function cacheIgnored(file: string, what: string, hint: string): (why: string) => CacheIgnored {
  return (why) => ({
    doc: undefined,
    diagnostics: [diagnostic('cache/ignored', 'warning', file, `${what} ignored: ${why}`, { hint })],
  });
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stored diagnostic with the fields the reporters read. */
export function isStoredDiagnostic(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.file === 'string' &&
    typeof v.ruleId === 'string' &&
    typeof v.message === 'string' &&
    (v.severity === 'error' || v.severity === 'warning' || v.severity === 'info')
  );
}
