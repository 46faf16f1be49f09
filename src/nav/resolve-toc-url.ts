/** Where a TOC entry's URL leads: a page of the site, an outside address, or nothing built. */
export interface TocTarget {
  url: string;
  external: boolean;
  /** False when no page produces the URL (`menu/toc-missing-page`). */
  found: boolean;
}

/**
 * Resolves a TOC URL the way the Magento layouts joined it: `{{ page.baseurl }}{{ url }}`, the
 * base being the guide version's folder (`/guides/v2.0`). URLs with a scheme or `//` are external.
 * A URL without an extension also matches `<url>.html` and `<url>/`, as the web server serves them.
 */
export function resolveTocUrl(raw: string, base: string, pageUrls: ReadonlySet<string>): TocTarget {
  const url = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return { url, external: true, found: true };
  const joined = `${base}${url.startsWith('/') ? '' : '/'}${url}`;
  const pathPart = joined.replace(/[?#].*$/, '');
  const suffix = joined.slice(pathPart.length);
  const candidates = [pathPart];
  if (pathPart.endsWith('/index.html')) candidates.push(pathPart.slice(0, -'index.html'.length));
  if (!/\.[a-z0-9]+$/i.test(pathPart) && !pathPart.endsWith('/'))
    candidates.push(`${pathPart}.html`, `${pathPart}/`);
  const hit = candidates.find((c) => pageUrls.has(c));
  return hit
    ? { url: hit + suffix, external: false, found: true }
    : { url: joined, external: false, found: false };
}
