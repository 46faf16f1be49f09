import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads output files of a site a previous build wrote, for the render cache to check against the
 * hashes it kept. Anything that cannot be read (missing, a folder, no permission) is undefined:
 * the page is then rendered again, never failed. Synchronous on purpose: the files were written
 * by the last build and are nearly always in the page cache, and on the 4,000-page bench site
 * reading them one by one took 0.12 s against 0.3 s through the thread pool, 32 at a time.
 */
export function previousOutputReader(destination: string): (outputPath: string) => Buffer | undefined {
  return (outputPath) => {
    try {
      return readFileSync(path.join(destination, outputPath));
    } catch {
      return undefined;
    }
  };
}
