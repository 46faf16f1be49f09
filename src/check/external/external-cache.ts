import type { ExternalResult } from './check-external-urls.js';

/** Format version of the cache file; another version is ignored. */
export const EXTERNAL_CACHE_VERSION = 1;

/**
 * Parses the cache file's text into the results still fresh (`ttlMs`). Failures are cached for a
 * tenth of the TTL only, so a flaky host is retried soon. A corrupt or foreign file yields an
 * error message and nothing is trusted.
 */
export function parseExternalCache(
  text: string | undefined,
  ttlMs: number,
  now: number,
): { known: Map<string, ExternalResult>; problem?: string } {
  const known = new Map<string, ExternalResult>();
  if (text === undefined) return { known };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { known, problem: 'is not valid JSON; ignoring it' };
  }
  const doc = data as { version?: unknown; results?: unknown };
  if (doc?.version !== EXTERNAL_CACHE_VERSION || typeof doc.results !== 'object' || doc.results === null) {
    return { known, problem: 'is not a Galley external link cache of this version; ignoring it' };
  }
  for (const [url, r] of Object.entries(doc.results as Record<string, unknown>)) {
    const result = r as Partial<ExternalResult>;
    if (typeof result?.ok !== 'boolean' || typeof result.checkedAt !== 'number') continue;
    const age = now - result.checkedAt;
    if (age < 0 || age > (result.ok ? ttlMs : ttlMs / 10)) continue;
    known.set(url, result as ExternalResult);
  }
  return { known };
}

/** The cache file's text for these results, sorted so it diffs well. */
export function serializeExternalCache(results: ReadonlyMap<string, ExternalResult>): string {
  const sorted = Object.fromEntries([...results.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ version: EXTERNAL_CACHE_VERSION, results: sorted }, null, 1)}\n`;
}
