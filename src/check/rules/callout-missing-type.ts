import type { CheckRule } from '../rule.js';

/** A `bs-callout` with no `bs-callout-<type>` class: it renders without colour or icon. */
export const calloutMissingType: CheckRule = {
  id: 'callout/missing-type',
  description: 'a bs-callout without a bs-callout-<type> class',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      for (const callout of page.callouts) {
        if (callout.types.length) continue;
        report(
          callout.location,
          'callout has no type',
          `add one of ${site.config.calloutTypes.map((t) => `bs-callout-${t}`).join(', ')}`,
        );
      }
    }
  },
};
