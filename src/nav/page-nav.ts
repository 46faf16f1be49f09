import type { NavLink, NavNode, NavTree } from './nav-node.js';

/** What one page's Liquid `page` gets: its marked sidebar, breadcrumbs and neighbours. */
export interface PageNav {
  nav: NavNode[];
  breadcrumbs: NavLink[];
  previous: NavLink | null;
  next: NavLink | null;
}

/** Where a page's `page.nav` came from: the sidebar it copies, and the index path it marks. */
export interface MarkedNavOrigin {
  sidebar: readonly NavNode[];
  path: readonly number[];
}

// Every marked copy `pageNav` made, with its origin: the copy is a function of the two, so the
// render cache can key it by the sidebar's hash and the path instead of walking each copy.
const origins = new WeakMap<readonly NavNode[], MarkedNavOrigin>();

/** The sidebar and path `nav` was marked from, when `pageNav` made it (undefined otherwise). */
export function markedNavOrigin(nav: readonly NavNode[]): MarkedNavOrigin | undefined {
  return origins.get(nav);
}

/**
 * Derives a page's navigation from its sidebar without walking it: only the lists on the branch
 * down to the page are copied (to set `open` and `active`); every other node is shared with
 * `site.nav` and the other pages. A page the sidebar does not list gets the sidebar unmarked.
 */
export function pageNav(tree: NavTree, url: string): PageNav {
  const path = tree.locations.get(url);
  if (!path) return { nav: tree.nodes, breadcrumbs: [], previous: null, next: null };
  const breadcrumbs: NavLink[] = [];
  const mark = (nodes: readonly NavNode[], depth: number): NavNode[] => {
    const copy = nodes.slice();
    const i = path[depth];
    const node = nodes[i];
    const last = depth === path.length - 1;
    if (!last && node.url !== null && !node.external) breadcrumbs.push({ title: node.title, url: node.url });
    if (!last && node.url === null) breadcrumbs.push({ title: node.title, url: '' });
    copy[i] = last
      ? { ...node, active: true, open: node.children.length > 0 }
      : { ...node, open: true, children: mark(node.children, depth + 1) };
    return copy;
  };
  const nav = mark(tree.nodes, 0);
  origins.set(nav, { sidebar: tree.nodes, path: [...path] });
  const at = tree.readingIndex.get(url);
  return {
    nav,
    breadcrumbs,
    previous: at !== undefined && at > 0 ? tree.reading[at - 1] : null,
    next: at !== undefined && at + 1 < tree.reading.length ? tree.reading[at + 1] : null,
  };
}
