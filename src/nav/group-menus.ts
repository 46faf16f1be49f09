import type { RenderablePage } from '../render/site-snapshot.js';

/** One sidebar section: the pages of one `subgroup`, headed by its `menu_node: parent` page. */
export interface MenuSection {
  subgroup: string;
  title: string;
  url: string | null;
  pages: MenuItem[];
}

export interface MenuItem {
  title: string;
  url: string;
  menu_order: number | null;
}

/**
 * Builds every group's menu once per site (`site.nav[group]`): sections sorted by their `subgroup`
 * string as the Magento docs did, pages by `menu_order` then title. Layouts read this instead of
 * scanning `site.pages` for every page.
 */
export function groupMenus(pages: readonly RenderablePage[]): Record<string, MenuSection[]> {
  const groups = new Map<string, Map<string, { parent: RenderablePage | null; items: RenderablePage[] }>>();
  for (const page of pages) {
    const { group, subgroup } = page.source.data;
    if (typeof group !== 'string' || group === '') continue;
    const key = subgroup === undefined || subgroup === null ? '' : String(subgroup);
    let sections = groups.get(group);
    if (!sections) {
      sections = new Map();
      groups.set(group, sections);
    }
    let section = sections.get(key);
    if (!section) {
      section = { parent: null, items: [] };
      sections.set(key, section);
    }
    if (page.source.data.menu_node === 'parent' && section.parent === null) section.parent = page;
    else section.items.push(page);
  }
  const result: Record<string, MenuSection[]> = {};
  for (const [group, sections] of [...groups].sort(byKey)) {
    result[group] = [...sections].sort(byKey).map(([subgroup, s]) => ({
      subgroup,
      title: s.parent ? label(s.parent) : subgroup,
      url: s.parent ? s.parent.url : null,
      pages: s.items
        .sort(byMenuOrder)
        .map((p) => ({ title: label(p), url: p.url, menu_order: menuOrder(p) })),
    }));
  }
  return result;
}

function label(page: RenderablePage): string {
  const { menu_title, title } = page.source.data;
  return String(menu_title ?? title ?? page.source.path);
}

function menuOrder(page: RenderablePage): number | null {
  const n = Number(page.source.data.menu_order);
  return page.source.data.menu_order === undefined || Number.isNaN(n) ? null : n;
}

function byMenuOrder(a: RenderablePage, b: RenderablePage): number {
  const x = menuOrder(a) ?? Number.POSITIVE_INFINITY;
  const y = menuOrder(b) ?? Number.POSITIVE_INFINITY;
  if (x !== y) return x < y ? -1 : 1;
  const lx = label(a);
  const ly = label(b);
  return lx < ly ? -1 : lx > ly ? 1 : a.source.path < b.source.path ? -1 : 1;
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
