import type { IdFact } from '../page-facts.js';
import type { CheckRule } from '../rule.js';

/** An id used twice on one page: links and scripts reach only the first. */
export const htmlDuplicateId: CheckRule = {
  id: 'html/duplicate-id',
  description: 'an id used more than once on a page',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      const first = new Map<string, IdFact>();
      for (const fact of page.ids) {
        if (fact.isName) continue;
        const earlier = first.get(fact.id);
        if (!earlier) {
          first.set(fact.id, fact);
          continue;
        }
        const at = earlier.location;
        const via = at?.chain?.length ? ` via ${at.chain[at.chain.length - 1]}` : '';
        const where = at?.line ? ` (first at ${at.file}:${at.line}${via})` : '';
        report(
          fact.location ?? { file: page.path },
          `id "${fact.id}" is used again on ${page.url}${where}`,
          'ids must be unique on a page; rename one',
        );
      }
    }
  },
};
