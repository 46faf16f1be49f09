import path from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { deepMerge } from './front-matter-defaults.js';
import { parseTocLevels, resolveKramdownOptions } from './kramdown-options.js';
import { resolveCheckConfig } from './resolve-check-config.js';
import {
  type CollectionConfig,
  DEFAULT_EXCLUDE,
  DEFAULT_LIQUID_LIMITS,
  DEFAULT_MARKDOWN_EXT,
  DEFAULT_MARKDOWN_TIME_LIMIT,
  DEFAULT_NAV,
  type DefaultsEntry,
  type NavConfig,
  type SiteConfig,
  SUBGROUP_ORDERS,
  type SubgroupOrder,
} from './site-config.js';

/** One parsed config file: its path (for messages) and its top-level mapping. */
export interface ConfigDocument {
  file: string;
  data: Record<string, unknown>;
}

/** Options given on the command line or to `build()`; they win over the files. */
export interface ConfigOverrides {
  source?: string;
  destination?: string;
  baseurl?: string;
  themeDir?: string | null;
}

export interface ResolvedConfig {
  config: SiteConfig;
  diagnostics: Diagnostic[];
}

/**
 * Merges config documents (later files win, key by key at the top level, as Jekyll does) and
 * validates the keys Galley relies on. Problems become diagnostics naming the property path; the
 * offending key falls back to its default so the build can still report everything else.
 */
export function resolveConfig(
  documents: readonly ConfigDocument[],
  cwd: string,
  overrides: ConfigOverrides = {},
): ResolvedConfig {
  const diagnostics: Diagnostic[] = [];
  const origin: Record<string, string> = {};
  // Later files win; mappings merge key by key at every depth, lists and scalars are replaced (Jekyll's deep_merge_hashes).
  let values: Record<string, unknown> = {};
  for (const doc of documents) {
    values = deepMerge(values, doc.data);
    for (const key of Object.keys(doc.data)) origin[key] = doc.file;
  }
  const problem = (key: string, message: string) =>
    diagnostics.push(
      diagnostic(
        'config/invalid',
        'error',
        origin[key.split(/[.[]/)[0]] ?? '_config.yml',
        `${key} ${message}`,
      ),
    );

  const str = (key: string, fallback: string): string => {
    const v = values[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    problem(key, `must be a string, got ${describe(v)}`);
    return fallback;
  };
  const list = (key: string): string[] => {
    const v = values[key];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    problem(key, `must be a list of strings, got ${describe(v)}`);
    return [];
  };

  const source = path.resolve(cwd, overrides.source ?? str('source', '.'));
  // A destination given by the caller is relative to the working folder; one in the config, to the source.
  const destination =
    overrides.destination !== undefined
      ? path.resolve(cwd, overrides.destination)
      : path.resolve(source, str('destination', '_site'));
  const baseurl = normaliseBaseurl(overrides.baseurl ?? str('baseurl', ''));
  values.baseurl = baseurl;
  values.source = source;
  values.destination = destination;

  const markdownExt = str('markdown_ext', DEFAULT_MARKDOWN_EXT)
    .split(',')
    .map((e) => e.trim().replace(/^\./, '').toLowerCase())
    .filter(Boolean);

  const collections = parseCollections(values.collections, problem);
  const defaults = parseDefaults(values.defaults, (msg) =>
    diagnostics.push(diagnostic('config/invalid', 'error', origin.defaults ?? '_config.yml', msg)),
  );

  const kramdown = isRecord(values.kramdown) ? values.kramdown : {};
  const tocLevels = parseTocLevels(kramdown.toc_levels);
  const kramdownOptions = resolveKramdownOptions(kramdown, problem);
  const liquidOpts = isRecord(values.liquid) ? values.liquid : {};
  const positive = (key: string, v: unknown, fallback: number): number => {
    if (v === undefined) return fallback;
    if (typeof v === 'number' && v > 0) return v;
    problem(key, `must be a positive number, got ${describe(v)}`);
    return fallback;
  };
  const limit = (key: keyof typeof DEFAULT_LIQUID_LIMITS, name: string): number =>
    positive(`liquid.${name}`, liquidOpts[name], DEFAULT_LIQUID_LIMITS[key]);

  const themeValue = values.theme_dir;
  let themeDir: string | null = overrides.themeDir === undefined ? null : overrides.themeDir;
  if (overrides.themeDir === undefined && typeof themeValue === 'string')
    themeDir = path.resolve(source, themeValue);

  const config: SiteConfig = {
    source,
    destination,
    baseurl,
    url: str('url', '').replace(/\/+$/, ''),
    exclude: [...DEFAULT_EXCLUDE, ...list('exclude')],
    include: list('include'),
    keepFiles: values.keep_files === undefined ? ['.git', '.svn'] : list('keep_files'),
    markdownExt,
    layoutsDir: str('layouts_dir', '_layouts'),
    includesDir: str('includes_dir', '_includes'),
    dataDir: str('data_dir', '_data'),
    pluginsDir: str('plugins_dir', '_plugins'),
    themeDir,
    collections,
    defaults,
    tocLevels,
    kramdown: kramdownOptions,
    liquid: {
      parseLimit: limit('parseLimit', 'parse_limit'),
      renderLimit: limit('renderLimit', 'render_limit'),
      memoryLimit: limit('memoryLimit', 'memory_limit'),
    },
    check: resolveCheckConfig(values.check, problem),
    nav: parseNav(values.nav, problem),
    markdownTimeLimit: positive(
      'markdown_time_limit',
      values.markdown_time_limit,
      DEFAULT_MARKDOWN_TIME_LIMIT,
    ),
    values,
    files: documents.map((d) => d.file),
  };
  return { config, diagnostics };
}

/** `baseurl` is joined as `{{ site.baseurl }}/x`: no trailing slash, a leading one unless empty. */
export function normaliseBaseurl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (!trimmed) return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function parseCollections(
  value: unknown,
  problem: (key: string, message: string) => void,
): Record<string, CollectionConfig> {
  const result: Record<string, CollectionConfig> = {};
  if (value === undefined || value === null) return result;
  if (Array.isArray(value)) {
    for (const label of value) {
      if (typeof label === 'string') result[label] = { label, output: false };
      else problem('collections', 'entries must be names');
    }
    return result;
  }
  if (!isRecord(value)) {
    problem('collections', `must be a mapping, got ${describe(value)}`);
    return result;
  }
  for (const [label, spec] of Object.entries(value)) {
    if (label === 'posts') continue;
    const meta = isRecord(spec) ? spec : {};
    if (meta.permalink !== undefined && typeof meta.permalink !== 'string') {
      problem(`collections.${label}.permalink`, 'must be a string');
    }
    result[label] = {
      label,
      output: meta.output === true,
      permalink: typeof meta.permalink === 'string' ? meta.permalink : undefined,
    };
  }
  return result;
}

function parseDefaults(value: unknown, problem: (message: string) => void): DefaultsEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem(`defaults must be a list, got ${describe(value)}`);
    return [];
  }
  const entries: DefaultsEntry[] = [];
  for (const [i, entry] of value.entries()) {
    if (!isRecord(entry)) {
      problem(`defaults[${i}] must be a mapping`);
      continue;
    }
    const scope = entry.scope === undefined || entry.scope === null ? {} : entry.scope;
    if (!isRecord(scope)) {
      problem(`defaults[${i}].scope must be a mapping`);
      continue;
    }
    if (scope.path !== undefined && scope.path !== null && typeof scope.path !== 'string') {
      problem(`defaults[${i}].scope.path must be a string`);
      continue;
    }
    if (scope.type !== undefined && typeof scope.type !== 'string') {
      problem(`defaults[${i}].scope.type must be a string`);
      continue;
    }
    if (!isRecord(entry.values)) {
      problem(`defaults[${i}].values must be a mapping`);
      continue;
    }
    entries.push({
      scope: {
        path: typeof scope.path === 'string' ? scope.path : '',
        type: scope.type as string | undefined,
      },
      values: entry.values,
    });
  }
  return entries;
}

function parseNav(value: unknown, problem: (key: string, message: string) => void): NavConfig {
  if (value === undefined || value === null) return { ...DEFAULT_NAV, toc: {} };
  if (!isRecord(value)) {
    problem('nav', `must be a mapping, got ${describe(value)}`);
    return { ...DEFAULT_NAV, toc: {} };
  }
  let subgroupOrder: SubgroupOrder = DEFAULT_NAV.subgroupOrder;
  const order = value.subgroup_order;
  if ((SUBGROUP_ORDERS as readonly unknown[]).includes(order)) subgroupOrder = order as SubgroupOrder;
  else if (order !== undefined && order !== null)
    problem('nav.subgroup_order', `must be "string" or "numeric", got ${describe(order)}`);
  const toc: Record<string, string> = {};
  if (isRecord(value.toc)) {
    for (const [group, file] of Object.entries(value.toc)) {
      if (typeof file === 'string' && file !== '') toc[group] = file.replace(/\.ya?ml$/, '');
      else problem(`nav.toc.${group}`, `must be the name of a file in _data/toc/, got ${describe(file)}`);
    }
  } else if (value.toc !== undefined && value.toc !== null) {
    problem('nav.toc', `must be a mapping of group to TOC file name, got ${describe(value.toc)}`);
  }
  const unlisted = value.check_unlisted;
  if (unlisted !== undefined && unlisted !== null && typeof unlisted !== 'boolean')
    problem('nav.check_unlisted', `must be true or false, got ${describe(unlisted)}`);
  return { subgroupOrder, toc, checkUnlisted: unlisted === true };
}

/** True for a plain mapping (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}
