import { isRecord } from '../config/resolve-config.js';

/** A guide version the site declares in `versions:` (`{name: "2.0", url: /guides/v2.0/}`). */
export interface SiteVersion {
  name: string;
  /** Site path the version's pages live under, without a trailing slash (`/guides/v2.0`). */
  base: string;
}

/** The `versions:` list of the site config, leniently: entries without a name or url are skipped. */
export function siteVersions(values: Record<string, unknown>): SiteVersion[] {
  const list = Array.isArray(values.versions) ? values.versions : [];
  const out: SiteVersion[] = [];
  for (const v of list) {
    if (!isRecord(v) || v.name === undefined || typeof v.url !== 'string') continue;
    out.push({ name: String(v.name), base: v.url.replace(/\/+$/, '') });
  }
  return out;
}

/**
 * The guide version a page belongs to: its own `guide_version`, else the declared version whose
 * URL holds the page, else a `guide_version` from `defaults`, else null. The URL wins over
 * defaults because a site-wide default (the Magento config sets `guide_version: "2.2"` for every
 * path) would otherwise put every version's pages in one sidebar.
 */
export function pageVersion(
  data: Record<string, unknown>,
  ownKeys: readonly string[],
  url: string,
  versions: readonly SiteVersion[],
): string | null {
  const own = data.guide_version;
  if (ownKeys.includes('guide_version') && own !== undefined && own !== null) return String(own);
  let best: SiteVersion | undefined;
  for (const v of versions) {
    if (v.base !== '' && (url === v.base || url.startsWith(`${v.base}/`)))
      if (!best || v.base.length > best.base.length) best = v;
  }
  if (best) return best.name;
  return own === undefined || own === null ? null : String(own);
}
