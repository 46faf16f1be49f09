import { type FilterImplOptions, Liquid } from 'liquidjs';
import type { LiquidLimits } from '../../config/site-config.js';
/** A tag implementation as liquidjs' `registerTag` accepts it (a Tag class or parse/render options). */
export type TagImpl = Parameters<Liquid['registerTag']>[1];

import { type FilterSite, jekyllFilters } from './jekyll-filters.js';
import { renderSynchronously } from './output-map.js';
import { HighlightTag } from './tag-highlight.js';
import { IncludeRelativeTag, IncludeTag } from './tag-include.js';
import { LinkTag } from './tag-link.js';

export interface LiquidSetup {
  limits: LiquidLimits;
  /** IANA zone (config `timezone`) for Liquid's date output; UTC when unset, so output does not depend on the machine. */
  timezone?: string;
  site: FilterSite;
  /** Tags added by site plugins. */
  tags?: Record<string, TagImpl>;
  /** Filters added by site plugins. */
  filters?: Record<string, FilterImplOptions>;
}

/**
 * A liquidjs engine configured like Jekyll's Liquid: Jekyll's include syntax, its tags and
 * filters, lenient about unknown variables (as Jekyll is by default), and with limits so a
 * runaway template stops instead of hanging the build. Templates only see own properties, so they
 * cannot reach object prototypes.
 */
export function createLiquid(setup: LiquidSetup): Liquid {
  const liquid = new Liquid({
    cache: false,
    dynamicPartials: false,
    jekyllInclude: true,
    jekyllWhere: true,
    strictFilters: false,
    strictVariables: false,
    // Only matters when a check render turns strictVariables on: `if` guards and `default` stay quiet.
    lenientIf: true,
    ownPropertyOnly: true,
    greedy: false,
    relativeReference: false,
    timezoneOffset: setup.timezone ?? 0,
    // Ruby's strftime (Jekyll) names months and days in English whatever the machine's locale.
    locale: 'en-US',
    parseLimit: setup.limits.parseLimit,
    renderLimit: setup.limits.renderLimit,
    memoryLimit: setup.limits.memoryLimit,
    // Includes are looked up by our own tags from the read snapshot, never from disk.
    fs: {
      exists: async () => false,
      existsSync: () => false,
      readFile: async (f: string) => {
        throw new Error(`no file access from templates: ${f}`);
      },
      readFileSync: (f: string) => {
        throw new Error(`no file access from templates: ${f}`);
      },
      resolve: (_dir: string, file: string) => file,
    },
  });
  liquid.registerTag('include', IncludeTag);
  liquid.registerTag('include_relative', IncludeRelativeTag);
  liquid.registerTag('highlight', HighlightTag);
  liquid.registerTag('link', LinkTag);
  for (const [name, impl] of Object.entries(jekyllFilters(setup.site))) liquid.registerFilter(name, impl);
  for (const [name, impl] of Object.entries(setup.tags ?? {})) liquid.registerTag(name, impl);
  for (const [name, impl] of Object.entries(setup.filters ?? {})) liquid.registerFilter(name, impl);
  // Our tags and filters never wait for anything; a plugin's may return promises.
  if (!Object.keys(setup.tags ?? {}).length && !Object.keys(setup.filters ?? {}).length) {
    renderSynchronously(liquid);
  }
  return liquid;
}
