import { readFile } from 'node:fs/promises';

/** A file's text, or undefined when it does not exist or cannot be read (a cache, say). */
export async function readTextIfExists(absPath: string): Promise<string | undefined> {
  try {
    return await readFile(absPath, 'utf8');
  } catch {
    return undefined;
  }
}
