import type { CheckRule } from '../rule.js';

/** `javascript:` and `data:` URLs in links: script injection, or content nobody can review. */
export const htmlUnsafeUrl: CheckRule = {
  id: 'html/unsafe-url',
  description: 'a javascript: or data: URL in a link',
  defaultSeverity: 'error',
  check(site, report) {
    for (const page of site.pages) {
      for (const link of page.links) {
        if (link.element !== 'a' && link.element !== 'area') continue;
        // Browsers ignore ASCII whitespace and control characters inside the scheme.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: those characters are the point
        const bare = link.url.replace(/[\u0000-\u0020]/g, '');
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1].toLowerCase();
        if (scheme !== 'javascript' && scheme !== 'data') continue;
        report(link.location, `link uses a ${scheme}: URL`, 'link to a page or file instead');
      }
    }
  },
};
