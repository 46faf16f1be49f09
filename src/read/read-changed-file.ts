import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { layoutFromText, readSourceFile, toLf } from './read-site.js';
import type { Layout, SourcePage } from './source-site.js';

/** A file the builder was told changed, read again, by what it is to the site. */
export type ChangedFile =
  | { kind: 'page'; page: SourcePage; text: string; diagnostics: Diagnostic[] }
  | { kind: 'include'; name: string; text: string }
  | { kind: 'layout'; layout: Layout; diagnostics: Diagnostic[] }
  /** Anything an edit of one file cannot cover: a new or deleted file, config, data, plugins. */
  | { kind: 'other'; why: string };

/**
 * Reads one changed file of the site (`absPath`) again. `known` is the page that had this path in
 * the previous build, if any; an edited page keeps its type and collection.
 */
export async function readChangedFile(
  config: SiteConfig,
  absPath: string,
  known: SourcePage | undefined,
): Promise<ChangedFile> {
  const relPath = path.relative(config.source, absPath).split(path.sep).join('/');
  if (relPath.startsWith('../') || path.isAbsolute(relPath))
    return { kind: 'other', why: `${absPath} is outside the source` };
  const exists = await fs.stat(absPath).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) return { kind: 'other', why: `${relPath} was deleted (or is not a file)` };
  const includes = path.resolve(config.source, config.includesDir);
  const layouts = path.resolve(config.source, config.layoutsDir);
  if (isUnder(absPath, includes)) {
    const name = path.relative(includes, absPath).split(path.sep).join('/');
    return { kind: 'include', name, text: toLf(await fs.readFile(absPath, 'utf8')) };
  }
  if (isUnder(absPath, layouts)) {
    const inner = path.relative(layouts, absPath).split(path.sep).join('/');
    const name = inner.slice(0, -path.posix.extname(inner).length);
    const diagnostics: Diagnostic[] = [];
    const layout = layoutFromText(name, relPath, await fs.readFile(absPath, 'utf8'), diagnostics);
    return { kind: 'layout', layout, diagnostics };
  }
  if (!known) return { kind: 'other', why: `${relPath} is not a page of the previous build` };
  const diagnostics: Diagnostic[] = [];
  const item = await readSourceFile({ relPath, absPath }, config, known.type, known.collection, diagnostics);
  if (item.kind !== 'page') return { kind: 'other', why: `${relPath} is no longer a page` };
  return { kind: 'page', page: item.page, text: item.text, diagnostics };
}

function isUnder(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
