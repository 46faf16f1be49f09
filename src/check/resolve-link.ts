import { safeDecode } from '../generate/page-url.js';

/** A link as the browser would follow it from a page of the site. */
export type ResolvedLink =
  | { kind: 'skip' }
  | { kind: 'external'; url: string }
  | {
      kind: 'internal';
      /** Output paths that would serve it, most likely first; empty when it leaves the baseurl. */
      candidates: string[];
      /** Decoded path as the browser asks for it (baseurl included). */
      path: string;
      /** Decoded fragment, or null when there is none (`#` alone is none). */
      fragment: string | null;
    };

const BASE = 'http://galley.invalid';

/**
 * Resolves `url` as written on the page at `pageUrl` (without baseurl) of a site served under
 * `baseurl`: relative to the page, percent-decoded, query ignored, `dir/` meaning `dir/index.html`
 * and `x` also `x.html`. Links to the site's own `url` count as internal.
 */
export function resolveLink(url: string, pageUrl: string, baseurl: string, siteUrl: string): ResolvedLink {
  // As the URL parser does: tabs and newlines vanish anywhere, spaces and controls at the ends.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls are what the URL parser strips
  let href = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (href === '') return { kind: 'skip' };
  if (siteUrl && (href === siteUrl || href.startsWith(`${siteUrl}/`)))
    href = href.slice(siteUrl.length) || '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    return /^https?:/i.test(href) ? { kind: 'external', url: href.replace(/#.*$/, '') } : { kind: 'skip' };
  }
  if (href.startsWith('//')) return { kind: 'external', url: `https:${href.replace(/#.*$/, '')}` };
  let resolved: URL;
  try {
    resolved = new URL(href, `${BASE}${baseurl}${pageUrl}`);
  } catch {
    return { kind: 'skip' };
  }
  const path = safeDecode(resolved.pathname);
  const fragment = resolved.hash.length > 1 ? safeDecode(resolved.hash.slice(1)) : null;
  if (baseurl && path !== baseurl && !path.startsWith(`${baseurl}/`)) {
    return { kind: 'internal', candidates: [], path, fragment };
  }
  const rel = path.slice(baseurl.length).replace(/^\/+/, '');
  const candidates =
    rel === '' || rel.endsWith('/')
      ? [`${rel}index.html`]
      : /\.[^/]*$/.test(rel)
        ? [rel]
        : [rel, `${rel}.html`, `${rel}/index.html`];
  return { kind: 'internal', candidates, path, fragment };
}
