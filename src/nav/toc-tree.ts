import { isRecord } from '../config/resolve-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { closest } from '../util/closest.js';
import { menuDiagnostic } from './menu-rules.js';
import { type NavNode, navNode } from './nav-node.js';
import { parseTocFile } from './parse-toc-file.js';
import { resolveTocUrl } from './resolve-toc-url.js';

/** A sidebar of the TOC model, with the page URL behind each node that links to a page. */
export interface BuiltToc {
  nodes: NavNode[];
  pageUrlOf: Map<NavNode, string>;
  /** Page URL -> the line of the entry whose `versions` left it out of this version's menu. */
  leftOut: Map<string, number>;
  diagnostics: Diagnostic[];
}

/**
 * Builds one sidebar from a TOC file (`label`, `url`, `children`, `versions` entries under
 * `pages:`), in file order. Entries whose `versions` do not list `version` are left out with
 * their children. A URL no page produces is `menu/toc-missing-page` at the entry's `url:` line;
 * `site.movedTo` maps `redirect_from` paths to the pages that took them, for the hint.
 */
export function tocTree(
  text: string,
  file: string,
  version: string | null,
  base: string,
  site: { pageUrls: ReadonlySet<string>; movedTo: ReadonlyMap<string, string> },
): BuiltToc {
  const { pageUrls } = site;
  const diagnostics: Diagnostic[] = [];
  const pageUrlOf = new Map<NavNode, string>();
  const leftOut = new Map<string, number>();
  const parsed = parseTocFile(text);
  if (!parsed) return { nodes: [], pageUrlOf, leftOut, diagnostics };
  const { value, lines, itemLines } = parsed;
  const rows = text.split('\n');
  const top = Array.isArray(value) ? value : isRecord(value) ? value.pages : undefined;
  if (!Array.isArray(top)) {
    diagnostics.push(
      menuDiagnostic('menu/toc-invalid', file, 'a TOC file holds a `pages:` list of entries', {
        line: 1,
        hint: 'write pages: with entries of label, url, children and versions',
      }),
    );
    return { nodes: [], pageUrlOf, leftOut, diagnostics };
  }
  const build = (entries: unknown[], level: number, parentLine: number): NavNode[] => {
    const out: NavNode[] = [];
    const at = itemLines.get(entries);
    for (const [i, entry] of entries.entries()) {
      if (entry === null) continue; // an empty `-` item
      const line = (typeof entry === 'object' && lines.get(entry)) || at?.[i] || parentLine;
      if (!isRecord(entry)) {
        diagnostics.push(menuDiagnostic('menu/toc-invalid', file, 'a TOC entry must be a mapping', { line }));
        continue;
      }
      if (!listsVersion(entry.versions, version)) {
        recordLeftOut(entry, line, (raw) => resolveTocUrl(raw, base, pageUrls), leftOut);
        continue;
      }
      const label =
        typeof entry.label === 'string' || typeof entry.label === 'number' ? String(entry.label) : '';
      const rawUrl = typeof entry.url === 'string' && entry.url.trim() !== '' ? entry.url : null;
      if (label.trim() === '')
        diagnostics.push(menuDiagnostic('menu/missing-title', file, 'TOC entry has no label', { line }));
      const node = navNode(label || rawUrl || '', null, level);
      if (rawUrl) {
        const target = resolveTocUrl(rawUrl, base, pageUrls);
        node.url = target.url;
        node.external = target.external;
        if (!target.external && target.found) pageUrlOf.set(node, target.url.replace(/[?#].*$/, ''));
        if (!target.found) {
          diagnostics.push(
            menuDiagnostic('menu/toc-missing-page', file, `no page produces ${target.url} (url: ${rawUrl})`, {
              line: keyLine(rows, line, 'url'),
              hint: missingHint(target.url, site),
            }),
          );
        }
      }
      if (Array.isArray(entry.children)) node.children = build(entry.children, level + 1, line);
      out.push(node);
    }
    return out;
  };
  return { nodes: build(top, 1, 1), pageUrlOf, leftOut, diagnostics };
}

/** Notes the page URLs of an entry (and of its children) that `versions` left out, with the entry's line. */
function recordLeftOut(
  entry: Record<string, unknown>,
  line: number,
  resolve: (raw: string) => { url: string; found: boolean },
  leftOut: Map<string, number>,
): void {
  if (typeof entry.url === 'string') {
    const target = resolve(entry.url);
    if (target.found && !leftOut.has(target.url)) leftOut.set(target.url, line);
  }
  if (Array.isArray(entry.children))
    for (const child of entry.children) if (isRecord(child)) recordLeftOut(child, line, resolve, leftOut);
}

/** True when an entry's `versions` (a list or one value) includes `version`, or says nothing. */
function listsVersion(versions: unknown, version: string | null): boolean {
  if (versions === undefined || versions === null || version === null) return true;
  const list = Array.isArray(versions) ? versions : [versions];
  return list.some((v) => String(v) === version);
}

/**
 * What to do about a TOC URL no page produces: the page that lists it in `redirect_from` (it was
 * moved), else a page differing in case only, else the page of the same folder with the closest name.
 */
function missingHint(
  url: string,
  { pageUrls, movedTo }: { pageUrls: ReadonlySet<string>; movedTo: ReadonlyMap<string, string> },
): string {
  const moved = movedTo.get(url.replace(/[?#].*$/, ''));
  if (moved) return `the page moved to ${moved} (its redirect_from lists this URL); link it there`;
  const lower = url.toLowerCase();
  let near: string | undefined;
  for (const u of pageUrls) if (u.toLowerCase() === lower) near = u;
  if (!near) {
    // A slip in the file name: compare names of the pages in the same folder only.
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    const names = [...pageUrls].filter((u) => u.startsWith(dir) && !u.slice(dir.length).includes('/'));
    const name = closest(
      url.slice(dir.length),
      names.map((u) => u.slice(dir.length)),
    );
    if (name !== undefined) near = dir + name;
  }
  return near ? `did you mean ${near}?` : 'fix the url, or remove the entry';
}

/** The line of `key:` within the entry starting at `line` (1-based), else the entry's line. */
function keyLine(rows: readonly string[], line: number, key: string): number {
  const pattern = new RegExp(`^\\s*(?:-\\s+)?${key}\\s*:`);
  for (let i = line - 1; i < rows.length && i < line + 30; i++) {
    if (i > line - 1 && /^\s*-\s/.test(rows[i])) break;
    if (pattern.test(rows[i])) return i + 1;
  }
  return line;
}
