import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RenderablePage } from '../render/site-snapshot.js';
import { frontMatterTree } from './front-matter-tree.js';
import { indexTree } from './index-tree.js';
import { menuDiagnostic } from './menu-rules.js';
import type { NavNode, NavTree } from './nav-node.js';
import { type PageNav, pageNav } from './page-nav.js';
import { pageVersion, siteVersions } from './page-version.js';
import { tocTree } from './toc-tree.js';

/** The site's navigation, built once: what `site.nav` shows and what each page derives from it. */
export interface SiteNav {
  /** `site.nav`: group -> sidebar at the site's `version` (else the unversioned one, else the first). */
  site: Record<string, NavNode[]>;
  /** Every sidebar: one per group and guide version. */
  trees: NavTree[];
  /** `page.nav`, `page.breadcrumbs`, `page.previous`, `page.next` for a page; {} outside any group. */
  pageVars(page: RenderablePage): Partial<PageNav>;
  diagnostics: Diagnostic[];
}

/**
 * Builds every sidebar of the site in one pass over the pages: pages are bucketed by `group` and
 * guide version, and each bucket becomes a tree from front matter, or from the TOC file
 * `nav.toc` names for its group. Linear in the number of pages; runs the menu checks as it goes.
 * `dataTexts` holds the text of data files by source path, for TOC line numbers.
 */
export function buildNav(
  pages: readonly RenderablePage[],
  config: SiteConfig,
  dataTexts: ReadonlyMap<string, string>,
): SiteNav {
  const diagnostics: Diagnostic[] = [];
  const versions = siteVersions(config.values);
  const buckets = new Map<string, { group: string; version: string | null; pages: RenderablePage[] }>();
  const pageUrls = new Set<string>();
  const movedTo = new Map<string, string>();
  for (const page of pages) {
    if (!page.source.output) continue;
    pageUrls.add(page.url);
    for (const from of redirectFrom(page.source.data.redirect_from)) movedTo.set(from, page.url);
    const { group, redirect_to } = page.source.data;
    if (group === undefined || group === null || String(group).trim() === '') continue;
    if (typeof redirect_to === 'string' && redirect_to !== '') continue;
    const version = pageVersion(page.source.data, page.source.ownKeys, page.url, versions);
    const key = `${String(group)}\0${version ?? ''}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.pages.push(page);
    else buckets.set(key, { group: String(group), version, pages: [page] });
  }
  const trees: NavTree[] = [];
  const treeOf = new Map<RenderablePage, NavTree>();
  const seen = new Set<string>();
  const report = (d: Diagnostic) => {
    const id = `${d.file}:${d.line}:${d.ruleId}:${d.message}`;
    if (!seen.has(id)) diagnostics.push(d);
    seen.add(id);
  };
  for (const { group, version, pages: members } of [...buckets.values()].sort(byGroupAndVersion)) {
    const tocName = config.nav.toc[group];
    let tree: NavTree;
    if (tocName !== undefined) {
      const file = [`${config.dataDir}/toc/${tocName}.yml`, `${config.dataDir}/toc/${tocName}.yaml`].find(
        (f) => dataTexts.has(f),
      );
      if (file === undefined) {
        report(
          menuDiagnostic(
            'menu/toc-invalid',
            config.files[0] ?? '_config.yml',
            `nav.toc.${group}: ${config.dataDir}/toc/${tocName}.yml does not exist`,
          ),
        );
        continue;
      }
      const base = versions.find((v) => v.name === version)?.base ?? '';
      const built = tocTree(dataTexts.get(file) ?? '', file, version, base, { pageUrls, movedTo });
      built.diagnostics.forEach(report);
      tree = indexTree(
        { group, version, model: 'toc', nodes: built.nodes },
        (n) => built.pageUrlOf.get(n),
        config.baseurl,
      );
      if (config.nav.checkUnlisted)
        for (const page of members)
          if (!tree.locations.has(page.url))
            report(unlisted(page, file, version, built.leftOut.get(page.url)));
    } else {
      const built = frontMatterTree(members, config.nav.subgroupOrder);
      built.diagnostics.forEach(report);
      tree = indexTree(
        { group, version, model: 'front-matter', nodes: built.nodes },
        (n) => built.pageOf.get(n)?.url,
        config.baseurl,
      );
    }
    trees.push(tree);
    for (const page of members) treeOf.set(page, tree);
  }
  return {
    site: siteMenus(trees, config.values.version),
    trees,
    pageVars: (page) => {
      const tree = treeOf.get(page);
      return tree ? pageNav(tree, page.url) : {};
    },
    diagnostics,
  };
}

/** `redirect_from` paths of a page (a string or a list), with one leading slash. */
function redirectFrom(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => `/${v.trim().replace(/^\/+/, '')}`);
}

function unlisted(
  page: RenderablePage,
  file: string,
  version: string | null,
  leftOutAt: number | undefined,
): Diagnostic {
  const reason =
    leftOutAt === undefined
      ? `no entry of ${file} reaches this page`
      : `the entry of ${file} at line ${leftOutAt} that lists this page leaves version ${version} out`;
  return menuDiagnostic('menu/unlisted-page', page.source.path, reason, {
    line: page.source.keyLines.group,
    hint:
      leftOutAt === undefined
        ? 'add it to the TOC file, or remove its group'
        : `add "${version}" to the entry's versions, or leave the page out of this version`,
  });
}

/** `site.nav[group]`: the sidebar at the site's `version`, else the unversioned one, else the first. */
function siteMenus(trees: readonly NavTree[], siteVersion: unknown): Record<string, NavNode[]> {
  const site: Record<string, NavNode[]> = {};
  const wanted = siteVersion === undefined || siteVersion === null ? null : String(siteVersion);
  for (const tree of trees) {
    const current = site[tree.group];
    if (current === undefined || tree.version === wanted) site[tree.group] = tree.nodes;
  }
  return site;
}

function byGroupAndVersion(
  a: { group: string; version: string | null },
  b: { group: string; version: string | null },
): number {
  const x = `${a.group}\0${a.version ?? ''}`;
  const y = `${b.group}\0${b.version ?? ''}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
