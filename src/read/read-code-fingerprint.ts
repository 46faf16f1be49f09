import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let memo: string | undefined;

/**
 * Names, sizes and modification times of Galley's own code files (the folder this module was
 * loaded from: `dist/` or `src/`), as one string. It goes into the render-cache key beside the
 * version, so a changed Galley build, or a developer's edit, never serves HTML rendered by
 * different code.
 */
export function readCodeFingerprint(): string {
  if (memo !== undefined) return memo;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.(js|ts|mjs|cjs)$/.test(e.name)) {
        const s = statSync(abs);
        parts.push(`${path.relative(root, abs)}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  try {
    walk(root);
  } catch {
    parts.push(`unreadable:${Math.random()}`);
  }
  memo = parts.join('\n');
  return memo;
}
