import type { SourceLocation } from '../../render/source-location.js';
import type { CheckRule } from '../rule.js';

/**
 * A variable printed or looped over that does not exist (`{{ page.titel }}`): Jekyll prints
 * nothing. Conditions (`{% if page.x %}`) and `| default:` are guards, not mistakes.
 */
export const liquidUnknownVariable: CheckRule = {
  id: 'liquid/unknown-variable',
  description: 'a Liquid variable that is not defined where it is used (if guards and default excepted)',
  defaultSeverity: 'warning',
  check(site, report) {
    // A layout or include used by many pages would give the same finding for each: group them.
    const byPlace = new Map<string, { name: string; location: SourceLocation; pages: string[] }>();
    for (const page of site.pages) {
      for (const p of page.liquid) {
        if (p.kind !== 'unknown-variable') continue;
        const key = `${p.location.file}:${p.location.line}:${p.location.column}:${p.name}`;
        const place = byPlace.get(key) ?? { name: p.name, location: p.location, pages: [] };
        if (!place.pages.includes(page.path)) place.pages.push(page.path);
        byPlace.set(key, place);
      }
    }
    for (const { name, location, pages } of byPlace.values()) {
      const where =
        pages.length === 1
          ? `${pages[0]} is`
          : `${pages.length} pages (${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ', ...' : ''}) are`;
      report(
        location,
        `${name} is not defined when ${where} rendered`,
        'check the spelling, set it in front matter or _config.yml, or guard it with {% if %} or | default:',
      );
    }
  },
};
