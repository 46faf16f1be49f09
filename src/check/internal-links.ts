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
  for (const page of site.pages) {
    for (const link of page.links) {
      if (ignored.some((p) => p.test(link.url))) continue;
      const resolved = resolveLink(link.url, page.url, site.baseurl, site.siteUrl);
      if (resolved.kind !== 'internal') continue;
      const target = resolved.candidates.find((c) => site.urls.has(c));
      links.push({ page, link, resolved, target });
    }
  }
  cache.set(site, links);
  return links;
}

/** `check.ignore_urls` entries: `/regex/` or a plain prefix. */
export function toPattern(entry: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/.exec(entry);
  if (m) return new RegExp(m[1], m[2]);
  return new RegExp(`^${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
