import type { CheckRule } from '../rule.js';

/** A callout with nothing in it. */
export const calloutEmpty: CheckRule = {
  id: 'callout/empty',
  description: 'a bs-callout with no content',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      for (const callout of page.callouts) {
        if (callout.empty) report(callout.location, 'callout is empty');
      }
    }
  },
};
