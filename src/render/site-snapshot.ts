import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { Layout, SourcePage, SourceSite } from '../read/source-site.js';

/** A page ready to render: its source, where it goes, and its `page` variable for Liquid. */
export interface RenderablePage {
  source: SourcePage;
  url: string;
  outputPath: string;
  /** The Liquid `page` object: front matter plus url, path, dir, name, collection. Not mutated by renders. */
  vars: Readonly<Record<string, unknown>>;
}

/**
 * The read-only state every page render shares. Rendering a page is a function of the page and
 * this snapshot, so it can move to a worker thread; nothing here is computed per page.
 */
export interface SiteSnapshot {
  config: SiteConfig;
  pages: readonly RenderablePage[];
  layouts: ReadonlyMap<string, Layout>;
  includes: ReadonlyMap<string, string>;
  relativeFiles: ReadonlyMap<string, string>;
  /** The Liquid `site` object. */
  site: Readonly<Record<string, unknown>>;
  /** Page URL by source path, for `{% link %}`. */
  urlBySourcePath: ReadonlyMap<string, string>;
}

/** A page that is itself a redirect (`redirect_to`): generated, never rendered or cached. */
export function isRedirect(page: RenderablePage): boolean {
  const to = page.source.data.redirect_to;
  return typeof to === 'string' && to !== '';
}

/** Liquid `page` variable for a page at `url`. */
export function pageVars(page: SourcePage, url: string): Record<string, unknown> {
  const dir = url.endsWith('/') ? url : path.posix.dirname(url) === '/' ? '/' : `${path.posix.dirname(url)}/`;
  return {
    ...page.data,
    url,
    path: page.path,
    dir,
    name: path.posix.basename(page.path),
    ...(page.collection ? { collection: page.collection, id: url.replace(/\.html$/, '') } : {}),
    content: page.body,
  };
}

/**
 * Builds the `site` object once: config values, `pages`, `data`, collections as arrays of their
 * documents, `static_files`, `time`, and `nav` (the group menus). `time` comes from
 * SOURCE_DATE_EPOCH when set, so builds can be reproducible.
 */
export function createSnapshot(
  source: SourceSite,
  pages: readonly RenderablePage[],
  nav: Record<string, unknown>,
  now: Date,
): SiteSnapshot {
  const { config } = source;
  const site: Record<string, unknown> = { ...config.values };
  site.pages = pages.filter((p) => !p.source.collection).map((p) => p.vars);
  site.html_pages = pages
    .filter((p) => !p.source.collection && p.outputPath.endsWith('.html'))
    .map((p) => p.vars);
  site.data = source.data;
  site.static_files = source.staticFiles.map((f) => ({
    path: `/${f.outputPath}`,
    name: path.posix.basename(f.outputPath),
    extname: path.posix.extname(f.outputPath),
    basename: path.posix.basename(f.outputPath, path.posix.extname(f.outputPath)),
  }));
  const collections: Record<string, unknown>[] = [];
  for (const c of Object.values(config.collections)) {
    const docs = pages.filter((p) => p.source.collection === c.label).map((p) => p.vars);
    site[c.label] = docs;
    collections.push({ label: c.label, output: c.output, permalink: c.permalink, docs });
  }
  site.collections = collections;
  site.time = now;
  site.nav = nav;
  site.baseurl = config.baseurl;
  site.url = config.url;
  const urlBySourcePath = new Map(pages.map((p) => [p.source.path, p.url]));
  return {
    config,
    pages,
    layouts: source.layouts,
    includes: source.includes,
    relativeFiles: source.relativeFiles,
    site,
    urlBySourcePath,
  };
}
