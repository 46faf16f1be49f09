import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { PAGE_CACHE_FILE } from '../read/read-page-cache.js';
import type { PageCache } from '../render/cache/page-cache.js';

/**
 * Saves the render cache into `<source>/.galley-cache/` atomically (temporary file, then rename),
 * one entry at a time: the cache of a large site is tens of megabytes, and building it as one
 * string would raise the build's peak memory by several times that.
 */
export async function writePageCache(source: string, cache: PageCache): Promise<void> {
  const target = path.join(source, PAGE_CACHE_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  await mkdir(path.dirname(target), { recursive: true });
  const handle = await open(temp, 'w');
  try {
    await handle.write(`{"format":${cache.format},"galley":${JSON.stringify(cache.galley)},"entries":{`);
    let first = true;
    for (const [file, entry] of Object.entries(cache.entries)) {
      await handle.write(`${first ? '' : ','}\n${JSON.stringify(file)}:${JSON.stringify(entry)}`);
      first = false;
    }
    await handle.write('}}\n');
  } finally {
    await handle.close();
  }
  await rename(temp, target);
}
