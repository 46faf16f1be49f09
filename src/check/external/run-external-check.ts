import path from 'node:path';
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { readTextIfExists } from '../../read/read-text-if-exists.js';
import { writeCacheFile } from '../../write/write-cache-file.js';
import type { CheckConfig } from '../check-config.js';
import { toPattern } from '../internal-links.js';
import type { PageFacts } from '../page-facts.js';
import { externalUrls } from '../rules/links-external.js';
import { checkExternalUrls, DEFAULT_EXTERNAL_OPTIONS, type ExternalResult } from './check-external-urls.js';
import { parseExternalCache, serializeExternalCache } from './external-cache.js';

/**
 * Checks every external URL of the site, through the cache file under the source: fresh results
 * are reused, the rest requested, and the cache rewritten. A corrupt cache is a warning and is
 * replaced; a cache that cannot be written is a warning too.
 */
export async function runExternalCheck(
  pages: readonly PageFacts[],
  site: { baseurl: string; siteUrl: string; source: string; check: CheckConfig },
  diagnostics: Diagnostic[],
  fetchImpl?: typeof fetch,
): Promise<Map<string, ExternalResult>> {
  const { external, ignoreUrls } = site.check;
  const ignored = ignoreUrls.map(toPattern);
  const urls = externalUrls({ pages, baseurl: site.baseurl, siteUrl: site.siteUrl }).filter(
    (u) => !ignored.some((pattern) => pattern.test(u)),
  );
  const cachePath = external.cacheFile ? path.resolve(site.source, external.cacheFile) : null;
  const now = Date.now();
  const cached = parseExternalCache(
    cachePath ? await readTextIfExists(cachePath) : undefined,
    external.ttlMs,
    now,
  );
  if (cached.problem && external.cacheFile) {
    diagnostics.push(
      diagnostic(
        'links/external-cache',
        'warning',
        external.cacheFile,
        `external link cache ${cached.problem}`,
      ),
    );
  }
  const results = await checkExternalUrls(urls, {
    ...DEFAULT_EXTERNAL_OPTIONS,
    timeoutMs: external.timeoutMs,
    retries: external.retries,
    perHost: external.perHost,
    known: cached.known,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  if (cachePath && external.cacheFile) {
    try {
      await writeCacheFile(cachePath, serializeExternalCache(results));
    } catch (error) {
      diagnostics.push(
        diagnostic(
          'links/external-cache',
          'warning',
          external.cacheFile,
          `could not write the external link cache: ${(error as Error).message}`,
        ),
      );
    }
  }
  return results;
}
