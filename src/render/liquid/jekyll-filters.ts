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

/** Jekyll's `xml_escape`: `&`, `<`, `>` and `"` (Ruby's `encode(xml: :attr)` without the outer quotes). */
export function xmlEscape(input: unknown): string {
  if (input === null || input === undefined) return '';
  return String(input)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Ruby's `inspect`, which Jekyll's `inspect` filter prints (then XML-escapes). */
export function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${JSON.stringify(k)}=>${rubyInspect(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** Jekyll's `group_by`: `[{ name, items, size }]` in first-seen order of the property's values. */
export function groupBy(input: unknown, property: unknown): unknown {
  if (!Array.isArray(input)) return input;
  const groups = new Map<string, { name: unknown; items: unknown[]; size: number }>();
  for (const item of input) {
    const raw = (item as Record<string, unknown> | null)?.[String(property)];
    const key = raw === undefined || raw === null ? '' : String(raw);
    let group = groups.get(key);
    if (!group) {
      group = { name: raw ?? '', items: [], size: 0 };
      groups.set(key, group);
    }
    group.items.push(item);
    group.size++;
  }
  return [...groups.values()];
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
    // kramdown's output ends with a newline; Jekyll templates are written against that.
    markdownify: (input: unknown) =>
      `${site.markdownify(input === null || input === undefined ? '' : String(input))}\n`,
    xml_escape: xmlEscape,
    inspect: (input: unknown) => xmlEscape(rubyInspect(input)),
    group_by: groupBy,
    normalize_whitespace: (input: unknown) =>
      String(input ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    smartify: (input: unknown) => smartify(input === null || input === undefined ? '' : String(input)),
    sort: jekyllSort,
  };
}
