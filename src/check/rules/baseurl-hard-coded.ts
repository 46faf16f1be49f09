import type { CheckRule } from '../rule.js';

/**
 * A link written out with the site's own base path (`/guides/v2.0/x.html`) or its absolute `url`,
 * which breaks when the docs move or a version is copied. Only literal links count: the whole
 * element came from the source text, no Liquid involved.
 */
export const baseurlHardCoded: CheckRule = {
  id: 'baseurl/hard-coded',
  description: "a literal link to the site's own pages without the baseurl variable",
  defaultSeverity: 'warning',
  check(site, report) {
    const prefixes = [
      ...site.pageBaseurls.map((value) => ({ value, variable: '{{ page.baseurl }}' })),
      ...(site.baseurl ? [{ value: `${site.baseurl}/`, variable: '{{ site.baseurl }}/' }] : []),
    ].sort((a, b) => b.value.length - a.value.length);
    for (const page of site.pages) {
      for (const link of page.links) {
        if (!link.literal) continue;
        if (site.siteUrl && link.url.startsWith(`${site.siteUrl}/`)) {
          report(
            link.location,
            `${link.url} links to this site by its absolute URL`,
            `write {{ site.baseurl }}${link.url.slice(site.siteUrl.length)}`,
          );
          continue;
        }
        const prefix = prefixes.find(
          (p) =>
            link.url.startsWith(p.value) &&
            (p.value.endsWith('/') || link.url.length === p.value.length || link.url[p.value.length] === '/'),
        );
        if (!prefix) continue;
        const rest = link.url.slice(prefix.value.length);
        const variable = prefix.variable;
        report(
          link.location,
          `${link.url} hard-codes the base path ${prefix.value}`,
          `write ${variable}${rest}`,
        );
      }
    }
  },
};
