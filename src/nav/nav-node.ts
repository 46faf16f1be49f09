/**
 * One entry of a sidebar as layouts see it (`site.nav[group]`, `page.nav`): a section, a page or a
 * third-level page. The tree is built once per site and shared by every page; `page.nav` copies
 * only the branch that leads to the current page, to mark it.
 */
export interface NavNode {
  title: string;
  /** Site path without `baseurl` (`/guide/a.html`), an absolute URL when `external`, or null for a plain heading. */
  url: string | null;
  /** The link as written in HTML: `url` with the site's `baseurl` (as `relative_url` makes it), or the external URL; null for a heading. */
  href: string | null;
  /** True for `externalURL` entries and TOC URLs with a scheme: the link leaves the site. */
  external: boolean;
  /** 1 for sections (front matter model) or top TOC entries, 2 below them, 3 for the third level. */
  level: number;
  children: NavNode[];
  /** The current page (only in `page.nav`). */
  active: boolean;
  /** Holds the current page below it (only in `page.nav`): the theme opens it. */
  open: boolean;
}

/** A `{title, url}` pair for breadcrumbs and previous/next links. */
export interface NavLink {
  title: string;
  url: string;
}

/**
 * One built sidebar (a group at one guide version) with what pages need to find themselves in it:
 * the index path of each page's node and the reading order.
 */
export interface NavTree {
  group: string;
  version: string | null;
  model: 'front-matter' | 'toc';
  nodes: NavNode[];
  /** Page URL -> child indexes from the top of `nodes` to the page's node (first place it is listed). */
  locations: Map<string, number[]>;
  /** Pages in reading order (depth first, each page once, external links left out). */
  reading: NavLink[];
  /** Page URL -> index in `reading`. */
  readingIndex: Map<string, number>;
}

/** A node with the defaults for the flags only `page.nav` sets. */
export function navNode(title: string, url: string | null, level: number, external = false): NavNode {
  return { title, url, href: null, external, level, children: [], active: false, open: false };
}
