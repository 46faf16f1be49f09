import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { RenderablePage } from '../render/site-snapshot.js';
import { safeDecode, unsafePermalink } from './page-url.js';

/** A redirect page jekyll-redirect-from would write. */
export interface RedirectPage {
  /** The old URL (`/guides/v2.2/x.html`). */
  from: string;
  /** Absolute target URL (`site.url` + baseurl + the page URL, or `redirect_to`). */
  to: string;
  outputPath: string;
  /** Source file whose front matter asked for it, and the line of the key. */
  sourcePath: string;
  line?: number;
}

/** The HTML jekyll-redirect-from writes, byte for byte, so existing sites keep their redirects. */
export function redirectHtml(to: string): string {
  // jekyll-redirect-from inserts the URL unescaped; escaping `&` would break the script redirect.
  const url = to;
  return `<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="${url}">
  <script>location="${url}"</script>
  <meta http-equiv="refresh" content="0; url=${url}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="${url}">Click here if you are not redirected.</a>
</html>
`;
}

/**
 * Redirect pages for every `redirect_from` entry, pointing at the page's absolute URL. Entries
 * that would leave the site are reported and skipped.
 */
export function collectRedirects(
  pages: readonly RenderablePage[],
  siteUrl: string,
  baseurl: string,
): { redirects: RedirectPage[]; diagnostics: Diagnostic[] } {
  const redirects: RedirectPage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const raw = page.source.data.redirect_from;
    if (raw === undefined || raw === null) continue;
    const line = page.source.keyLines.redirect_from;
    const entries = Array.isArray(raw) ? raw : [raw];
    for (const entry of entries) {
      if (typeof entry !== 'string' || entry.trim() === '') {
        diagnostics.push(
          diagnostic(
            'frontmatter/redirect-from',
            'error',
            page.source.path,
            'redirect_from entries must be URL paths',
            { line },
          ),
        );
        continue;
      }
      const unsafe = unsafePermalink(entry);
      if (unsafe) {
        diagnostics.push(
          diagnostic(
            'frontmatter/redirect-from',
            'error',
            page.source.path,
            unsafe.replace('permalink', 'redirect_from'),
            { line },
          ),
        );
        continue;
      }
      const from = `/${entry.trim().replace(/^\/+/, '')}`;
      let outputPath = safeDecode(from).slice(1);
      if (outputPath === '' || outputPath.endsWith('/')) outputPath += 'index.html';
      else if (!/\.[a-z0-9]+$/i.test(outputPath)) outputPath += '.html';
      redirects.push({
        from,
        to: `${siteUrl}${baseurl}${page.url}`,
        outputPath,
        sourcePath: page.source.path,
        line,
      });
    }
  }
  return { redirects, diagnostics };
}

/** `redirects.json`, as jekyll-redirect-from writes it: old path (without baseurl) to absolute new URL. */
export function redirectsJson(redirects: readonly { from: string; to: string }[]): string {
  const map: Record<string, string> = {};
  for (const r of [...redirects].sort((x, y) => (x.from < y.from ? -1 : 1))) map[r.from] = r.to;
  return JSON.stringify(map);
}

/** Where `redirect_to` points: absolute URLs as written, paths made absolute like Jekyll's `absolute_url`. */
export function redirectTarget(to: string, siteUrl: string, baseurl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(to) || to.startsWith('//')) return to;
  return `${siteUrl}${baseurl}${to.startsWith('/') ? to : `/${to}`}`;
}
