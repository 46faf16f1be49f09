import type { CheckRule } from '../rule.js';

/** `{{ page.baseurl }}/x` where the variable already ends in `/`: the URL gets `//`. */
export const baseurlDoubleSlash: CheckRule = {
  id: 'baseurl/double-slash',
  description: 'a baseurl variable joined to a path yields //',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      for (const join of page.joins) {
        if (!join.value.endsWith('/') || !join.rest.startsWith('/')) continue;
        report(
          join.location,
          `{{ ${join.expression} }} ends with "/" and is followed by "/": the URL becomes ${join.value}${join.rest}`,
          `write {{ ${join.expression} }}${join.rest.slice(1)}`,
        );
      }
    }
  },
};
