import { internalLinks } from '../internal-links.js';
import type { CheckRule } from '../rule.js';

/** A link to the Markdown source (`x.md`) of a page the site serves as `x.html`. */
export const linksSourceExtension: CheckRule = {
  id: 'links/source-extension',
  description: 'link to a page source (x.md) where the site serves x.html',
  defaultSeverity: 'error',
  check(site, report) {
    for (const { page, link, resolved, target } of internalLinks(site)) {
      if (target !== undefined || !/\.(md|markdown)$/i.test(resolved.path)) continue;
      const html = (resolved.candidates[0] ?? '').replace(/\.(md|markdown)$/i, '.html');
      if (!site.urls.has(html)) continue;
      report(
        link.location,
        `${link.url} links to the Markdown source; the site serves it as .html`,
        `link to ${link.url.replace(/\.(md|markdown)(?=$|[?#])/i, '.html')}`,
        { page: page.url, url: link.url },
      );
    }
  },
};
