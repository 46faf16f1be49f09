import type { LinkFact, PageFacts } from './page-facts.js';
import { type ResolvedLink, resolveLink } from './resolve-link.js';
import type { CheckSite } from './rule.js';

/** An internal link with where it leads. */
export interface InternalLink {
  page: PageFacts;
  link: LinkFact;
  resolved: Extract<ResolvedLink, { kind: 'internal' }>;
  /** The first candidate output path the site serves, or undefined when none is. */
  target: string | undefined;
}

const cache = new WeakMap<CheckSite, InternalLink[]>();

/** Every internal link of the site, resolved once and shared by the link rules. */
export function internalLinks(site: CheckSite): InternalLink[] {
  let links = cache.get(site);
  if (links) return links;
  links = [];
  const ignored = site.config.ignoreUrls.map(toPattern);
  // A root-relative link leads to the same place from every page: most links of a large site
  // are, and parsing each again as a URL was most of the time the checks took.
  const fromAnyPage = new Map<string, Pick<InternalLink, 'resolved' | 'target'> | null>();
  for (const page of site.pages) {
    for (const link of page.links) {
      if (ignored.some((p) => p.test(link.url))) continue;
      const rootRelative = ROOT_RELATIVE.test(link.url);
      let found = rootRelative ? fromAnyPage.get(link.url) : undefined;
      if (found === undefined) {
        const resolved = resolveLink(link.url, page.url, site.baseurl, site.siteUrl);
        found =
          resolved.kind === 'internal'
            ? { resolved, target: resolved.candidates.find((c) => site.urls.has(c)) }
            : null;
        if (rootRelative) fromAnyPage.set(link.url, found);
      }
      if (found) links.push({ page, link, ...found });
    }
  }
  cache.set(site, links);
  return links;
}

/**
 * A path from the site's root (`/a/b.html`), which no page URL changes: not `//host` or `/\host`
 * (a host, as the URL parser reads a backslash), nor with a tab or line break, which the parser
 * drops wherever they are (`/\t/host` is `//host`).
 */
const ROOT_RELATIVE = /^\/(?![/\\])[^\t\n\r]*$/;

/** `check.ignore_urls` entries: `/regex/` or a plain prefix. */
export function toPattern(entry: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/.exec(entry);
  if (m) return new RegExp(m[1], m[2]);
  return new RegExp(`^${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
