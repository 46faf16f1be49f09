import { internalLinks } from '../internal-links.js';
import type { CheckRule } from '../rule.js';

/** An internal link, image, script or stylesheet whose target nothing in the site produces. */
export const linksMissingPage: CheckRule = {
  id: 'links/missing-page',
  description: 'internal link, image, script or stylesheet to a URL no page or file produces',
  defaultSeverity: 'error',
  check(site, report) {
    for (const { page, link, resolved, target } of internalLinks(site)) {
      if (target !== undefined) continue;
      // A link to `x.md` served as `x.html` has its own rule with a better hint.
      if (/\.(md|markdown)$/i.test(resolved.path) && site.urls.has(htmlOf(resolved.candidates[0] ?? '')))
        continue;
      const what =
        link.element === 'img' ? 'image' : link.element === 'a' ? 'page' : `${link.element} target`;
      if (resolved.candidates.length === 0) {
        report(
          link.location,
          `${what} ${link.url} is outside the site (baseurl ${site.baseurl})`,
          `start the URL with {{ site.baseurl }}`,
          { page: page.url, url: link.url },
        );
        continue;
      }
      const served = `${site.baseurl}/${resolved.candidates[0]}`;
      const near = site.urls.closest(resolved.candidates[0]);
      report(
        link.location,
        `${what} ${link.url} does not exist${link.url === served ? '' : ` (it resolves to ${resolved.path})`}`,
        near ? `did you mean ${site.baseurl}/${near}?` : undefined,
        { page: page.url, url: link.url },
      );
    }
  },
};

function htmlOf(candidate: string): string {
  return candidate.replace(/\.(md|markdown)$/i, '.html');
}
