import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Why writing to `destination` would be dangerous, or null when it is fine. The site is replaced
 * wholesale, so the destination must never be the source, contain it, be the file-system root or
 * the home folder; paths are compared after resolving symbolic links of the nearest existing
 * ancestor. A sibling whose name merely starts like the source (`docs-site` beside `docs`) is fine.
 */
export async function destinationProblem(destination: string, source: string): Promise<string | null> {
  const dest = await realish(destination);
  const src = await realish(source);
  const home = await realish(os.homedir());
  if (dest === path.parse(dest).root) return `destination ${destination} is the file-system root`;
  if (dest === home) return `destination ${destination} is the home folder`;
  if (dest === src) return `destination ${destination} is the source folder`;
  if (isInsideOrEqual(src, dest)) return `destination ${destination} contains the source folder ${source}`;
  const stat = await fs.stat(destination).catch(() => null);
  if (stat && !stat.isDirectory()) return `destination ${destination} exists and is not a folder`;
  return null;
}

function isInsideOrEqual(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** realpath of the longest existing prefix, with the rest appended (the destination may not exist yet). */
async function realish(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      const real = await fs.realpath(cur);
      return path.join(real, ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}
