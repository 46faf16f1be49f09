import { closest } from '../../util/closest.js';
import type { CheckRule } from '../rule.js';

/** A filter no one defined: Jekyll passes the value through unchanged, silently. */
export const liquidUnknownFilter: CheckRule = {
  id: 'liquid/unknown-filter',
  description: 'a Liquid filter that neither Liquid, Jekyll nor a plugin defines',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      for (const p of page.liquid) {
        if (p.kind !== 'unknown-filter') continue;
        const near = closest(p.name, site.filterNames);
        report(
          p.location,
          `unknown filter "${p.name}"; the value is printed unfiltered`,
          near ? `did you mean "${near}"?` : 'add it with a plugin (_plugins/)',
        );
      }
    }
  },
};
