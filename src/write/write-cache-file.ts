import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes one of Galley's cache files (inside `.galley-cache/`): to a temporary sibling first,
 * then renamed, so a killed run never leaves half a cache to be parsed next time.
 */
export async function writeCacheFile(absPath: string, text: string): Promise<void> {
  await writeThroughTemporary(absPath, (temp) => writeFile(temp, text));
}

/**
 * Runs `write` on a temporary sibling of `absPath`, then renames it into place. A failed write
 * leaves nothing behind: the old file (if any) stays, the temporary file goes.
 */
export async function writeThroughTemporary(
  absPath: string,
  write: (temp: string) => Promise<void>,
): Promise<void> {
  await mkdir(path.dirname(absPath), { recursive: true });
  // Unique per call: two builds in one process (threads, tests) must not share a temporary file.
  const temp = `${absPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await write(temp);
    await rename(temp, absPath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes one of Galley's cache files, if it is there. */
export async function removeCacheFile(absPath: string): Promise<void> {
  await rm(absPath, { force: true });
}
