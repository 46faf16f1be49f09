/**
 * Test helper: the navigation of a site without rendering it (read, place pages, build the nav),
 * the same steps `build()` takes before rendering. Used by the corpus test and the benchmark.
 */
import { type ConfigDocument, resolveConfig } from '../../src/config/resolve-config.js';
import { pageLocation } from '../../src/generate/page-url.js';
import { buildNav, type SiteNav } from '../../src/nav/build-nav.js';
import { readConfigFiles } from '../../src/read/read-config.js';
import { readSite } from '../../src/read/read-site.js';
import { pageVars, type RenderablePage } from '../../src/render/site-snapshot.js';

export interface SiteNavRun {
  nav: SiteNav;
  pages: RenderablePage[];
  /** Milliseconds buildNav took, and deriving every page's variables from it. */
  navMs: number;
  pageVarsMs: number;
}

/** Reads `source` (its `_config.yml` merged with `extra`) and builds its navigation. */
export async function siteNavOf(source: string, extra: Record<string, unknown> = {}): Promise<SiteNavRun> {
  const read = await readConfigFiles(undefined, source, source);
  const documents: ConfigDocument[] = [...read.documents, { file: '(test)', data: extra }];
  const { config } = resolveConfig(documents, source, { themeDir: null });
  const site = await readSite(config, [config.destination]);
  const pages: RenderablePage[] = [];
  for (const page of site.pages) {
    if (page.data.published === false) continue;
    const location = pageLocation(page, config);
    if ('error' in location) continue;
    pages.push({ source: page, ...location, vars: pageVars(page, location.url) });
  }
  const started = performance.now();
  const nav = buildNav(pages, config, site.dataTexts);
  const navMs = performance.now() - started;
  for (const page of pages) page.vars = { ...page.vars, ...nav.pageVars(page) };
  return { nav, pages, navMs, pageVarsMs: performance.now() - started - navMs };
}
