import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads output files of a site a previous build wrote, for the render cache to check against the
 * hashes it kept. Anything that cannot be read (missing, a folder, no permission) is undefined:
 * the page is then rendered again, never failed.
 */
export function previousOutputReader(
  destination: string,
): (outputPath: string) => Promise<Buffer | undefined> {
  return (outputPath) => readFile(path.join(destination, outputPath)).catch(() => undefined);
}
