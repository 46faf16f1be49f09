import type { CheckRule } from '../rule.js';

/**
 * A baseurl variable glued to a path without a slash: `{{ page.baseurl }}performance` gives
 * `/guides/v2.2performance`, and with an empty `site.baseurl`, `{{ site.baseurl }}common/x.png`
 * becomes a path relative to the page.
 */
export const baseurlMissingSlash: CheckRule = {
  id: 'baseurl/missing-slash',
  description: 'a baseurl variable joined to a path without a slash',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      for (const join of page.joins) {
        if (!/^[\w%.~-]/.test(join.rest) || join.value.endsWith('/')) continue;
        const variable = `{{ ${join.expression} }}`;
        if (join.value === '') {
          report(
            join.location,
            `${variable} is empty, so ${variable}${join.rest} is a path relative to the page`,
            `write ${variable}/${join.rest}`,
          );
        } else {
          report(
            join.location,
            `${variable} is joined without a slash: the URL becomes ${join.value}${join.rest}`,
            `write ${variable}/${join.rest}`,
          );
        }
      }
    }
  },
};
