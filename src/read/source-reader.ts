import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads the files diagnostics name, for code frames: relative paths are looked up in each root in
 * turn (the site source, then the theme); absolute paths as they are. Cached; a file that cannot
 * be read gives undefined.
 */
export function sourceReader(
  roots: readonly string[],
  themeDir?: string | null,
): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    // Theme files are named `theme:<path in the theme>` in diagnostics.
    const themed = themeDir && name.startsWith('theme:');
    const file = themed ? name.slice('theme:'.length) : name;
    let text: string | undefined;
    for (const root of path.isAbsolute(file) ? [''] : themed ? [themeDir] : roots) {
      try {
        text = readFileSync(path.resolve(root, file), 'utf8');
        break;
      } catch {
        // Try the next root.
      }
    }
    cache.set(name, text);
    return text;
  };
}
