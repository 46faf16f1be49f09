import { isUtf8 } from 'node:buffer';
import { closeSync, promises as fs, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { deepMerge, frontMatterDefaults } from '../config/front-matter-defaults.js';
import type { SiteConfig } from '../config/site-config.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { mapLimit } from '../util/map-limit.js';
import { readData } from './read-data.js';
import type { Layout, SourcePage, SourceSite, StaticFile } from './source-site.js';
import { splitFrontMatter } from './split-front-matter.js';
import { type FoundFile, isInside, walkSource } from './walk-source.js';

const TEXT_PEEK_BYTES = 8;

/**
 * Reads a site from disk: pages (files with front matter), static files, layouts, includes and
 * data, with `defaults` applied. The only file-system reading stage besides config and plugins.
 * `skipAbsolute` lists folders never to read (the destination and its temporary siblings).
 */
export async function readSite(
  config: SiteConfig,
  skipAbsolute: readonly string[],
  /** Told how many files the source has (collections aside) before they are read. */
  onWalked?: (files: number) => void,
): Promise<SourceSite> {
  const diagnostics: Diagnostic[] = [];
  const source = config.source;
  const walkOpts = { exclude: config.exclude, include: config.include, skipAbsolute };

  const siteFiles = await walkSource(source, source, '', walkOpts, diagnostics);
  onWalked?.(siteFiles.length);
  const pages: SourcePage[] = [];
  const staticFiles: StaticFile[] = [];
  const relativeFiles = new Map<string, string>();

  await mapLimit(siteFiles, 32, async (file) => {
    const item = await readSourceFile(file, config, 'pages', undefined, diagnostics);
    if (item.kind === 'page') pages.push(item.page);
    else staticFiles.push({ path: file.relPath, absPath: file.absPath, outputPath: file.relPath });
    const text = item.text ?? (await readSmallText(file));
    if (text !== undefined) relativeFiles.set(file.relPath, text);
  });

  for (const collection of Object.values(config.collections)) {
    const dir = path.join(source, `_${collection.label}`);
    const found = await walkSource(dir, source, `_${collection.label}`, walkOpts, diagnostics).catch(
      () => [],
    );
    await mapLimit(found, 32, async (file) => {
      const item = await readSourceFile(file, config, collection.label, collection.label, diagnostics);
      if (item.kind === 'page') pages.push(item.page);
      else if (collection.output) {
        const inner = file.relPath.slice(collection.label.length + 2);
        staticFiles.push({
          path: file.relPath,
          absPath: file.absPath,
          outputPath: `${collection.label}/${inner}`,
        });
      }
    });
  }

  const layouts = new Map<string, Layout>();
  const includes = new Map<string, string>();
  const special = { ...walkOpts, exclude: [], include: [], allowSpecial: true };
  if (config.themeDir) {
    await readLayouts(config.themeDir, 'theme:', special, layouts, diagnostics, false);
    await readIncludes(path.join(config.themeDir, '_includes'), special, includes, diagnostics);
    const assets = await walkSource(
      path.join(config.themeDir, 'assets'),
      config.themeDir,
      'assets',
      special,
      diagnostics,
    ).catch(() => []);
    const taken = new Set(staticFiles.map((s) => s.outputPath).concat(pages.map((p) => p.path)));
    for (const a of assets) {
      if (!taken.has(a.relPath))
        staticFiles.push({ path: `theme:${a.relPath}`, absPath: a.absPath, outputPath: a.relPath });
    }
  }
  await readLayouts(path.resolve(source, config.layoutsDir), '', special, layouts, diagnostics, true, source);
  await readIncludes(path.resolve(source, config.includesDir), special, includes, diagnostics);

  const dataDir = path.resolve(source, config.dataDir);
  const dataRel = path.relative(source, dataDir).split(path.sep).join('/');
  const dataFiles = await walkSource(dataDir, source, dataRel, special, diagnostics).catch(() => []);
  const dataTexts = new Map<string, string>();
  const data = await readData(dataFiles, dataRel, diagnostics, dataTexts);

  pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  staticFiles.sort((a, b) => (a.outputPath < b.outputPath ? -1 : a.outputPath > b.outputPath ? 1 : 0));
  return { config, pages, staticFiles, layouts, includes, relativeFiles, data, dataTexts, diagnostics };
}

// Static files `include_relative` may show (code samples, snippets); binary assets are never read.
const INCLUDABLE_TEXT =
  /\.(md|markdown|html?|txt|js|mjs|cjs|ts|css|scss|json|ya?ml|xml|svg|sh|php|py|rb|java|c|h|go|rs|sql|csv|liquid)$/i;
const INCLUDABLE_MAX_BYTES = 256 * 1024;

async function readSmallText(file: FoundFile): Promise<string | undefined> {
  if (!INCLUDABLE_TEXT.test(file.relPath)) return undefined;
  const stat = await fs.stat(file.absPath);
  return stat.size <= INCLUDABLE_MAX_BYTES ? fs.readFile(file.absPath, 'utf8') : undefined;
}

export type ReadItem = { kind: 'page'; page: SourcePage; text: string } | { kind: 'static'; text?: string };

/** Reads one file of the site: a page when it starts with front matter, else a static file. */
export async function readSourceFile(
  file: FoundFile,
  config: SiteConfig,
  type: string,
  collection: string | undefined,
  diagnostics: Diagnostic[],
): Promise<ReadItem> {
  // Synchronous: four calls through the thread pool per file made reading 4,000 small pages
  // take three times as long as reading them one by one.
  const fd = openSync(file.absPath, 'r');
  try {
    const peek = Buffer.alloc(TEXT_PEEK_BYTES);
    const bytesRead = readSync(fd, peek, 0, TEXT_PEEK_BYTES, 0);
    // Only files starting with `---` can have front matter; others are copied without reading them.
    if (
      !peek
        .subarray(0, bytesRead)
        .toString('latin1')
        .replace(/^\xef\xbb\xbf/, '')
        .startsWith('---')
    ) {
      return { kind: 'static' };
    }
    const bytes = readFileSync(fd);
    const full = bytes.toString('utf8');
    if (!isUtf8(bytes)) diagnostics.push(invalidUtf8(full, file.relPath));
    const split = splitFrontMatter(full, file.relPath);
    if (split === null) return { kind: 'static', text: full };
    diagnostics.push(...split.diagnostics);
    const defaults = frontMatterDefaults(config.defaults, file.relPath, type);
    // Jekyll deep-merges front matter over defaults: a mapping in both keeps the defaults' other keys.
    const data = deepMerge(defaults, split.data);
    const ext = path.posix.extname(file.relPath).slice(1).toLowerCase();
    const page: SourcePage = {
      path: file.relPath,
      absPath: file.absPath,
      type,
      collection,
      collectionPath: collection ? file.relPath.slice(collection.length + 2) : undefined,
      data,
      ownKeys: Object.keys(split.data),
      keyLines: split.keyLines,
      // kramdown reads CRLF and CR line ends as LF; templates get LF so `\r` never reaches the HTML.
      body: toLf(split.body),
      bodyLine: split.bodyLine,
      markdown: config.markdownExt.includes(ext),
      output: collection ? (config.collections[collection]?.output ?? false) : true,
    };
    return { kind: 'page', page, text: full };
  } finally {
    closeSync(fd);
  }
}

/** A warning at the first byte that is not UTF-8 (decoded as U+FFFD, as browsers would show it). */
function invalidUtf8(decoded: string, relPath: string): Diagnostic {
  const at = Math.max(0, decoded.indexOf('\uFFFD'));
  const before = decoded.slice(0, at);
  return diagnostic(
    'read/invalid-utf8',
    'warning',
    relPath,
    'file is not valid UTF-8; bad bytes become U+FFFD',
    {
      line: before.split('\n').length,
      column: at - before.lastIndexOf('\n'),
      hint: 'save the file as UTF-8',
    },
  );
}

async function readLayouts(
  dir: string,
  prefix: string,
  opts: Parameters<typeof walkSource>[3],
  layouts: Map<string, Layout>,
  diagnostics: Diagnostic[],
  recursive: boolean,
  source?: string,
): Promise<void> {
  const rel =
    source && isInside(dir, source)
      ? path.relative(source, dir).split(path.sep).join('/')
      : prefix.replace(/:$/, '');
  const files = await walkSource(
    dir,
    recursive ? (source && isInside(dir, source) ? source : dir) : dir,
    rel,
    opts,
    diagnostics,
  ).catch(() => []);
  for (const file of files) {
    const inner = file.relPath.slice(rel ? rel.length + 1 : 0);
    if (!recursive && inner.includes('/')) continue;
    const ext = path.posix.extname(inner);
    if (!['.html', '.htm', '.xml', '.md', '.liquid'].includes(ext)) continue;
    const name = inner.slice(0, -ext.length);
    const text = await fs.readFile(file.absPath, 'utf8');
    const label = prefix && !source ? `${prefix}${inner}` : file.relPath;
    layouts.set(name, layoutFromText(name, label, text, diagnostics));
  }
}

/** A layout from its file's text: its own front matter and template. */
export function layoutFromText(name: string, label: string, text: string, diagnostics: Diagnostic[]): Layout {
  const split = splitFrontMatter(text, label);
  if (split) diagnostics.push(...split.diagnostics);
  return {
    name,
    path: label,
    data: split?.data ?? {},
    body: split ? split.body : text,
    bodyLine: split ? split.bodyLine : 1,
    layoutLine: split?.keyLines.layout,
  };
}

async function readIncludes(
  dir: string,
  opts: Parameters<typeof walkSource>[3],
  includes: Map<string, string>,
  diagnostics: Diagnostic[],
): Promise<void> {
  const files = await walkSource(dir, dir, '', opts, diagnostics).catch(() => []);
  await mapLimit(files, 32, async (file) => {
    includes.set(file.relPath, toLf(await fs.readFile(file.absPath, 'utf8')));
  });
}

/** CRLF and CR line ends as LF (the line count, and so every reported line, stays the same). */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
