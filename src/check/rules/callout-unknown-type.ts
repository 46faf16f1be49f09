import { closest } from '../../util/closest.js';
import type { CheckRule } from '../rule.js';

/** A `bs-callout-<type>` outside the configured list (`check.callout_types`). */
export const calloutUnknownType: CheckRule = {
  id: 'callout/unknown-type',
  description: 'a bs-callout-<type> class outside check.callout_types',
  defaultSeverity: 'warning',
  check(site, report) {
    const known = site.config.calloutTypes;
    for (const page of site.pages) {
      for (const callout of page.callouts) {
        for (const type of callout.types) {
          if (known.includes(type)) continue;
          const near = closest(type, known);
          report(
            callout.location,
            `unknown callout type bs-callout-${type}`,
            near
              ? `did you mean bs-callout-${near}?`
              : `use one of ${known.map((t) => `bs-callout-${t}`).join(', ')}`,
          );
        }
      }
    }
  },
};
