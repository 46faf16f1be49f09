import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mapLimit } from '../util/map-limit.js';
import { lockDestination, type OutputFile } from './write-site.js';

/**
 * Brings a site written by an earlier build up to date in place: each changed file is written
 * under a temporary name beside its target and renamed over it (so no reader sees half a file),
 * and files the site no longer has are removed. Used by the long-lived builder after an edit,
 * where swapping in a whole new copy of a large site would cost more than the edit itself.
 */
export async function updateSite(
  destination: string,
  changed: readonly OutputFile[],
  removed: readonly string[],
): Promise<void> {
  const unlock = await lockDestination(destination);
  try {
    const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
    await mapLimit(changed, 16, async (f) => {
      const target = path.join(destination, f.outputPath);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.galley-tmp-${tag}`;
      try {
        if ('copyFrom' in f) await fs.copyFile(f.copyFrom, temp);
        else await fs.writeFile(temp, f.content);
        await fs.rename(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    });
    for (const r of removed) await fs.rm(path.join(destination, r), { force: true });
  } finally {
    await unlock();
  }
}
