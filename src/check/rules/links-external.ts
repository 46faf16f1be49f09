import { resolveLink } from '../resolve-link.js';
import type { CheckRule } from '../rule.js';

/** An external link whose server answers with an error, or not at all (off unless `--external`). */
export const linksExternal: CheckRule = {
  id: 'links/external',
  description: 'an external http(s) link that answers with an error or not at all',
  defaultSeverity: 'off',
  check(site, report) {
    if (!site.external) return;
    for (const page of site.pages) {
      for (const link of page.links) {
        const resolved = resolveLink(link.url, page.url, site.baseurl, site.siteUrl);
        if (resolved.kind !== 'external') continue;
        const result = site.external.get(resolved.url);
        if (!result || result.ok) continue;
        const why = result.status ? `answered ${result.status}` : `failed: ${result.error}`;
        report(
          link.location,
          `${resolved.url} ${why}`,
          result.status === 404 || result.status === 410
            ? 'the page moved or is gone; update or remove the link'
            : undefined,
          { page: page.url, url: link.url },
        );
      }
    }
  },
};

/** The external URLs of a site's links, as the external check requests them. */
export function externalUrls(
  site: Pick<Parameters<CheckRule['check']>[0], 'pages' | 'baseurl' | 'siteUrl'>,
): string[] {
  const urls = new Set<string>();
  for (const page of site.pages) {
    for (const link of page.links) {
      const resolved = resolveLink(link.url, page.url, site.baseurl, site.siteUrl);
      if (resolved.kind === 'external') urls.add(resolved.url);
    }
  }
  return [...urls].sort();
}
