import path from 'node:path';
import { PAGE_CACHE_FILE } from '../read/read-page-cache.js';
import type { PageCache } from '../render/cache/page-cache.js';
import { writeCacheFile } from './write-cache-file.js';

/** Saves the render cache into `<source>/.galley-cache/` (atomically, like the other cache files). */
export async function writePageCache(source: string, cache: PageCache): Promise<void> {
  await writeCacheFile(path.join(source, PAGE_CACHE_FILE), JSON.stringify(cache));
}
