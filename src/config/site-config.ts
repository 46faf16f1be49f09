import type { CheckConfig } from '../check/check-config.js';
import type { KramdownOptions } from './kramdown-options.js';

/**
 * The resolved site configuration. Jekyll keys Galley understands are typed; every key of the
 * config files (known or not) is kept in `values` and becomes `site.*` in Liquid, as in Jekyll.
 */
export interface SiteConfig {
  /** Absolute path of the site source. */
  source: string;
  /** Absolute path of the output folder. */
  destination: string;
  baseurl: string;
  url: string;
  exclude: string[];
  include: string[];
  keepFiles: string[];
  /** Extensions without the dot, e.g. `['md', 'markdown']`. */
  markdownExt: string[];
  layoutsDir: string;
  includesDir: string;
  dataDir: string;
  pluginsDir: string;
  /** Absolute path of the fallback theme (layouts, `_includes/`, `assets/`), or null for none. */
  themeDir: string | null;
  collections: Record<string, CollectionConfig>;
  defaults: DefaultsEntry[];
  /** kramdown header levels the `{:toc}` list includes. */
  tocLevels: number[];
  /** The `kramdown:` block: options of the Markdown stage (Jekyll's defaults where not set). */
  kramdown: KramdownOptions;
  liquid: LiquidLimits;
  /** The checker's settings (`check:`). */
  check: CheckConfig;
  /** How the sidebar navigation is built and checked (`nav:` in `_config.yml`). */
  nav: NavConfig;
  /** Milliseconds one page's Markdown conversion may take (`markdown_time_limit`). */
  markdownTimeLimit: number;
  /** All configuration keys as written (merged), exposed as `site.*`. */
  values: Record<string, unknown>;
  /** Config files read, in merge order (for messages). */
  files: string[];
}

export interface CollectionConfig {
  label: string;
  output: boolean;
  permalink?: string;
}

export interface DefaultsEntry {
  scope: { path: string; type?: string };
  values: Record<string, unknown>;
}

/** How sections of the front matter model are ordered by their `subgroup` value. */
export const SUBGROUP_ORDERS = ['string', 'numeric'] as const;
/** One of SUBGROUP_ORDERS. */
export type SubgroupOrder = (typeof SUBGROUP_ORDERS)[number];

/** `nav:` settings: section order, TOC files by group, and whether unlisted pages are reported. */
export interface NavConfig {
  /** `string` (the Magento docs' plain sort, default) or `numeric` (by a leading number). */
  subgroupOrder: SubgroupOrder;
  /** Group name -> TOC file name under `_data/toc/` (without `.yml`): that group uses the TOC model. */
  toc: Record<string, string>;
  /** Report `menu/unlisted-page` (off by default; meant for CI). */
  checkUnlisted: boolean;
}

/** `nav:` when the config has none: string order, no TOC files, unlisted pages not reported. */
export const DEFAULT_NAV: NavConfig = { subgroupOrder: 'string', toc: {}, checkUnlisted: false };

export interface LiquidLimits {
  /** Maximum template length in characters liquidjs will parse. */
  parseLimit: number;
  /** Milliseconds one page (with its includes) may spend rendering. */
  renderLimit: number;
  /** Approximate memory units (string lengths, array sizes) one render may allocate. */
  memoryLimit: number;
}

/** Jekyll's default exclusions plus Galley's cache folder. */
export const DEFAULT_EXCLUDE = [
  '.sass-cache',
  '.jekyll-cache',
  '.galley-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
];

export const DEFAULT_MARKDOWN_EXT = 'markdown,mkdown,mkdn,mkd,md';

/** Default `markdown_time_limit`: far above any real page (milliseconds), low enough not to stall CI. */
export const DEFAULT_MARKDOWN_TIME_LIMIT = 10_000;

export const DEFAULT_LIQUID_LIMITS: LiquidLimits = {
  parseLimit: 20_000_000,
  renderLimit: 10_000,
  memoryLimit: 200_000_000,
};
