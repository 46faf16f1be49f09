import { closest } from '../util/closest.js';

/** Every URL path the site serves (`/guides/a.html`), without the baseurl, and the ids of its pages. */
export interface UrlIndex {
  /** True when something is served at this output path (`guides/a.html`). */
  has(outputPath: string): boolean;
  /** Ids and anchor names of the page at this output path; undefined for static files. */
  anchorsOf(outputPath: string): ReadonlySet<string> | undefined;
  /** The served path closest to `outputPath`, for "did you mean" hints. */
  closest(outputPath: string): string | undefined;
}

/** Builds the index from pages (with their anchors) and the other files the site writes. */
export function createUrlIndex(
  pages: Iterable<{ outputPath: string; anchors: ReadonlySet<string> }>,
  otherFiles: Iterable<string>,
): UrlIndex {
  const anchors = new Map<string, ReadonlySet<string>>();
  const all = new Set<string>();
  for (const p of pages) {
    anchors.set(p.outputPath, p.anchors);
    all.add(p.outputPath);
  }
  for (const f of otherFiles) all.add(f);
  // Hints compare within one folder first: most broken links are one typo away in the same place.
  const byFolder = new Map<string, string[]>();
  for (const f of all) {
    const folder = f.slice(0, f.lastIndexOf('/') + 1);
    let list = byFolder.get(folder);
    if (!list) {
      list = [];
      byFolder.set(folder, list);
    }
    list.push(f);
  }
  // ... else a file of the same name elsewhere, when there is exactly one.
  const byName = new Map<string, string[]>();
  for (const f of all) {
    const name = f.slice(f.lastIndexOf('/') + 1);
    const list = byName.get(name);
    if (list) list.push(f);
    else byName.set(name, [f]);
  }
  return {
    has: (p) => all.has(p),
    anchorsOf: (p) => anchors.get(p),
    closest: (p) => {
      const slash = p.lastIndexOf('/') + 1;
      const folder = p.slice(0, slash);
      const names = (byFolder.get(folder) ?? []).map((f) => f.slice(slash));
      const near = closest(p.slice(slash), names);
      if (near !== undefined) return folder + near;
      const sameName = byName.get(p.slice(slash));
      return sameName?.length === 1 ? sameName[0] : undefined;
    },
  };
}
