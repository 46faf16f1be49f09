import { closest } from '../../util/closest.js';
import { internalLinks } from '../internal-links.js';
import type { CheckRule } from '../rule.js';

/** Fragments that browsers handle without an element to scroll to. */
const BUILT_IN = new Set(['top']);

/** A `#fragment` that is no id (or `<a name>`) on the target page; same-page links included. */
export const linksMissingAnchor: CheckRule = {
  id: 'links/missing-anchor',
  description: 'link to a #fragment that is not an id or anchor name on the target page',
  defaultSeverity: 'error',
  check(site, report) {
    for (const { page, link, resolved, target } of internalLinks(site)) {
      const fragment = resolved.fragment;
      if (target === undefined || fragment === null || BUILT_IN.has(fragment)) continue;
      const anchors = site.urls.anchorsOf(target);
      if (!anchors || anchors.has(fragment)) continue;
      const near = closest(fragment, anchors);
      report(
        link.location,
        `#${fragment} is not an id on ${site.baseurl}/${target}`,
        near ? `did you mean #${near}?` : 'ids are case-sensitive; check the heading or its {#id}',
        { page: page.url, url: link.url },
      );
    }
  },
};
