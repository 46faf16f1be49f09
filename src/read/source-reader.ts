import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads the files diagnostics name, for code frames: relative paths are looked up in each root in
 * turn (the site source, then the theme); absolute paths as they are. Cached; a file that cannot
 * be read gives undefined.
 */
export function sourceReader(roots: readonly string[]): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    let text: string | undefined;
    for (const root of path.isAbsolute(file) ? [''] : roots) {
      try {
        text = readFileSync(path.resolve(root, file), 'utf8');
        break;
      } catch {
        // Try the next root.
      }
    }
    cache.set(file, text);
    return text;
  };
}
