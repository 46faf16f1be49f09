import { open } from 'node:fs/promises';
import path from 'node:path';
import { PAGE_CACHE_FILE } from '../read/read-page-cache.js';
import type { PageCache } from '../render/cache/page-cache.js';
import { writeThroughTemporary } from './write-cache-file.js';

/**
 * Saves the render cache into `<source>/.galley-cache/` atomically (writeThroughTemporary),
 * in chunks of about a megabyte, so the file is never built as one string. Entries are saved without their
 * in-memory `html`: the file keeps its hash, and the HTML stays in the site alone.
 */
export async function writePageCache(source: string, cache: PageCache): Promise<void> {
  await writeThroughTemporary(path.join(source, PAGE_CACHE_FILE), (temp) => writeEntries(temp, cache));
}

async function writeEntries(temp: string, cache: PageCache): Promise<void> {
  const handle = await open(temp, 'w');
  try {
    const head = { format: cache.format, galley: cache.galley, destination: cache.destination };
    await handle.write(`${JSON.stringify(head).slice(0, -1)},"entries":{`);
    // Entries are gathered into chunks of about a megabyte: one write per entry (4,000 on the
    // bench site) cost more than serialising them.
    let chunk: string[] = [];
    let chunkLength = 0;
    let first = true;
    for (const [file, { html: _html, ...stored }] of Object.entries(cache.entries)) {
      const text = `${first ? '' : ','}\n${JSON.stringify(file)}:${JSON.stringify(stored)}`;
      first = false;
      chunk.push(text);
      chunkLength += text.length;
      if (chunkLength >= CHUNK_CHARS) {
        await handle.write(chunk.join(''));
        chunk = [];
        chunkLength = 0;
      }
    }
    chunk.push('}}\n');
    await handle.write(chunk.join(''));
  } finally {
    await handle.close();
  }
}

const CHUNK_CHARS = 1 << 20;
