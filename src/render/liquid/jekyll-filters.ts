import type { FilterImplOptions } from 'liquidjs';

/** What the Jekyll filters need to know about the site. */
export interface FilterSite {
  baseurl: string;
  url: string;
  markdownify: (text: string) => string;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

/** `relative_url`: prefixes `site.baseurl`, with exactly one slash between. */
export function relativeUrl(input: unknown, baseurl: string): unknown {
  if (input === null || input === undefined) return input;
  const value = String(input);
  if (ABSOLUTE_URL.test(value) || value.startsWith('//')) return value;
  const path = value.startsWith('/') ? value : `/${value}`;
  return `${baseurl}${path}`;
}

/** kramdown-style SmartyPants for the `smartify` filter: quotes, dashes and ellipses. */
export function smartify(text: string): string {
  return text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\.\./g, '\u2026')
    .replace(/(^|[\s([{\u2014\u2013])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{\u2014\u2013])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
}

/** Jekyll's `sort`: by an optional property, with nils first (default) or last. */
export function jekyllSort(input: unknown, property?: unknown, nils: unknown = 'first'): unknown {
  if (!Array.isArray(input)) return input;
  const key = (v: unknown) =>
    property === undefined || property === null
      ? v
      : (v as Record<string, unknown> | null)?.[String(property)];
  const nilsLast = nils === 'last';
  return [...input].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const xn = x === undefined || x === null;
    const yn = y === undefined || y === null;
    if (xn || yn) return xn && yn ? 0 : xn ? (nilsLast ? 1 : -1) : nilsLast ? -1 : 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const xs = String(x);
    const ys = String(y);
    return xs < ys ? -1 : xs > ys ? 1 : 0;
  });
}

/**
 * Jekyll's filters that liquidjs lacks or implements differently. liquidjs already provides
 * where/where_exp/group_by/find/jsonify/slugify/xml_escape/cgi_escape/uri_escape/number_of_words/
 * array_to_sentence_string/date_to_xmlschema/date_to_string/normalize_whitespace/inspect/push/pop.
 */
export function jekyllFilters(site: FilterSite): Record<string, FilterImplOptions> {
  return {
    relative_url: (input: unknown) => relativeUrl(input, site.baseurl),
    absolute_url: (input: unknown) => {
      const rel = relativeUrl(input, site.baseurl);
      if (typeof rel !== 'string' || ABSOLUTE_URL.test(rel) || rel.startsWith('//')) return rel;
      return `${site.url}${rel}`;
    },
    markdownify: (input: unknown) =>
      site.markdownify(input === null || input === undefined ? '' : String(input)),
    smartify: (input: unknown) => smartify(input === null || input === undefined ? '' : String(input)),
    sort: jekyllSort,
  };
}
