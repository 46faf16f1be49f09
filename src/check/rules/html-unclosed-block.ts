import type { CheckRule } from '../rule.js';

/** An HTML block element opened and never closed: it swallows everything after it. */
export const htmlUnclosedBlock: CheckRule = {
  id: 'html/unclosed-block',
  description: 'an HTML block element opened in a page or include and never closed',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      for (const block of page.unclosed) {
        report(
          block.location,
          `<${block.element}> is never closed, so it swallows everything after it`,
          `add </${block.element}> where the element should end`,
        );
      }
    }
  },
};
