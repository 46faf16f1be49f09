// internalLinks resolves a root-relative link once for all pages; whatever the link and the pages,
// each page must still get what resolving the link from that page gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_CONFIG } from '../../src/check/check-config.js';
import { internalLinks } from '../../src/check/internal-links.js';
import type { PageFacts } from '../../src/check/page-facts.js';
import { resolveLink } from '../../src/check/resolve-link.js';
import type { CheckSite } from '../../src/check/rule.js';
import { createUrlIndex } from '../../src/check/url-index.js';

const SERVED = ['index.html', 'a.html', 'docs/b.html', 'docs/index.html', 'docs/deep/c.html', 'img/x.png'];

function page(url: string, links: string[]): PageFacts {
  return {
    path: `${url.slice(1)}.md`,
    url,
    links: links.map((u, i) => ({
      url: u,
      element: 'a',
      attribute: 'href',
      location: { file: `${url.slice(1)}.md`, line: i + 1 },
      literal: true,
    })),
    ids: [],
    callouts: [],
    joins: [],
    unclosed: [],
    liquid: [],
    titled: true,
  };
}

function site(pages: PageFacts[], baseurl: string, siteUrl = ''): CheckSite {
  return {
    pages,
    urls: createUrlIndex(
      SERVED.map((outputPath) => ({ outputPath, anchors: new Set<string>() })),
      [],
    ),
    config: DEFAULT_CHECK_CONFIG,
    baseurl,
    siteUrl,
    pageBaseurls: [],
    filterNames: [],
  };
}

/** What each link gives when resolved on its own page, as the rules see it. */
function resolvedOnEachPage(s: CheckSite) {
  return s.pages.flatMap((p) =>
    p.links.flatMap((link) => {
      const resolved = resolveLink(link.url, p.url, s.baseurl, s.siteUrl);
      if (resolved.kind !== 'internal') return [];
      return [
        { page: p.url, url: link.url, resolved, target: resolved.candidates.find((c) => s.urls.has(c)) },
      ];
    }),
  );
}

const shown = (s: CheckSite) =>
  internalLinks(s).map(({ page, link, resolved, target }) => ({
    page: page.url,
    url: link.url,
    resolved,
    target,
  }));

describe('internal links', () => {
  it('a root-relative link resolves alike from every page, a relative one from its own page', () => {
    const links = ['/a.html', '/docs/', '/docs/deep/../b.html#top', '//elsewhere.example/a.html'];
    links.push(
      '/\\elsewhere.example/a.html',
      '/\t/elsewhere.example/a.html',
      '/missing',
      'b.html',
      '../a.html',
    );
    const s = site([page('/docs/deep/c.html', links), page('/a.html', links), page('/docs/', links)], '');
    expect(shown(s)).toEqual(resolvedOnEachPage(s));
    // From /docs/deep/c.html, `b.html` is docs/deep/b.html (missing); from /docs/ it is docs/b.html.
    const relative = shown(s).filter((l) => l.url === 'b.html');
    expect(relative.map((l) => l.target)).toEqual([undefined, undefined, 'docs/b.html']);
  });

  it('gives every page what resolving each link on that page gives (generated links and pages)', () => {
    const segment = fc.constantFrom(
      'a.html',
      'docs',
      'deep',
      'b.html',
      '..',
      '.',
      '',
      'c',
      'x.png',
      '%61.html',
    );
    const prefix = fc.constantFrom(
      '/',
      '//',
      '/\\',
      '\\',
      '',
      './',
      '../',
      ' /',
      '/\t',
      '/\n/',
      'http://s.example/',
    );
    const suffix = fc.constantFrom('', '#top', '?q=1', '/', ' ', '\t');
    const link = fc
      .tuple(prefix, fc.array(segment, { maxLength: 4 }), suffix)
      .map(([p, s, x]) => `${p}${s.join('/')}${x}`);
    const pageUrl = fc.constantFrom('/a.html', '/docs/', '/docs/deep/c.html', '/index.html');
    fc.assert(
      fc.property(
        fc.uniqueArray(pageUrl, { minLength: 1, maxLength: 4 }),
        fc.array(link, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', '/docs'),
        fc.constantFrom('', 'http://s.example'),
        (pageUrls, links, baseurl, siteUrl) => {
          // Every page holds the same links, so a result wrongly shared between pages shows.
          const s = site(
            pageUrls.map((url) => page(url, links)),
            baseurl,
            siteUrl,
          );
          expect(shown(s)).toEqual(resolvedOnEachPage(s));
        },
      ),
      { numRuns: 300 },
    );
  });
});
