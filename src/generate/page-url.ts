import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { SourcePage } from '../read/source-site.js';

/** Where a page goes: its URL (without baseurl) and its file relative to the destination. */
export interface PageLocation {
  url: string;
  outputPath: string;
}

/** The extension a page is written with: Markdown becomes `.html`, other files keep theirs. */
export function outputExtension(page: Pick<SourcePage, 'path' | 'markdown'>): string {
  if (page.markdown) return '.html';
  const ext = path.posix.extname(page.path);
  return ext === '' ? '.html' : ext;
}

/**
 * Computes a page's URL as Jekyll does: `permalink:` (with `:path`, `:basename`, `:name`,
 * `:output_ext`, `:collection`, `:title`, `:slug` placeholders), else the collection's permalink,
 * else `/:path/:basename:output_ext` (`/:path/` for index pages). Returns an error message for a
 * permalink that would leave the destination.
 */
export function pageLocation(page: SourcePage, config: SiteConfig): PageLocation | { error: string } {
  const ext = outputExtension(page);
  const rel = page.collectionPath ?? page.path;
  const dir = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
  const basename = path.posix.basename(rel, path.posix.extname(rel));
  const permalink = page.data.permalink;
  let template: string;
  if (typeof permalink === 'string' && permalink.trim() !== '') template = permalink.trim();
  else if (page.collection)
    template = config.collections[page.collection]?.permalink ?? '/:collection/:path:output_ext';
  else if (basename === 'index' && ext === '.html') template = '/:path/';
  else template = '/:path/:basename:output_ext';

  const unsafe = unsafePermalink(template);
  if (unsafe) return { error: unsafe };
  const title = typeof page.data.title === 'string' ? page.data.title : basename;
  const values: Record<string, string> = {
    collection: page.collection ?? '',
    path: page.collection ? (dir ? `${dir}/${basename}` : basename) : dir,
    basename,
    name: slugify(basename),
    slug: slugify(typeof page.data.slug === 'string' ? page.data.slug : basename),
    title: slugify(title),
    output_ext: ext,
  };
  let url = template.replace(
    /:(collection|output_ext|basename|path|name|slug|title)\b/g,
    (_, k: string) => values[k],
  );
  url = `/${url}`.replace(/\/{2,}/g, '/');
  const decoded = safeDecode(url);
  let outputPath = decoded.replace(/^\//, '');
  if (outputPath === '' || outputPath.endsWith('/')) outputPath += 'index.html';
  else if (!outputPath.endsWith(ext) && path.posix.extname(outputPath) === '') outputPath += ext;
  return { url, outputPath };
}

/** Why a permalink is refused: traversal (also percent-encoded), absolute drive paths, NUL, backslashes. */
export function unsafePermalink(permalink: string): string | null {
  const decoded = safeDecode(permalink);
  if (decoded.includes('\0')) return 'permalink contains a NUL byte';
  if (/^[A-Za-z]:/.test(decoded) || decoded.includes('\\'))
    return `permalink "${permalink}" is a file-system path`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(decoded)) return `permalink "${permalink}" is an absolute URL`;
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.'))
    return `permalink "${permalink}" leaves the site`;
  return null;
}

/** Percent-decodes a URL path; a malformed escape leaves it as written. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Jekyll's default slugify: lower case, runs of non-alphanumerics become one hyphen. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
