import type { CheckRule } from '../rule.js';

/** A page without a title: browser tabs, search results and menus show its file name or nothing. */
export const frontmatterMissingTitle: CheckRule = {
  id: 'frontmatter/missing-title',
  description: 'a page without a title in its front matter (or from defaults)',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      if (page.titled) continue;
      report(
        { file: page.path, line: 1 },
        `${page.path} has no title`,
        'add `title: ...` to its front matter',
      );
    }
  },
};
