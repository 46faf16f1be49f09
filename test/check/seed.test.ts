import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { tempDir, writeFiles } from '../build/helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = path.resolve(root, '..', 'shared', 'seed', 'site');
const hasSeed = existsSync(seed);
if (!hasSeed) console.log('skipping the seed check test: ../shared/seed is not beside this clone');

/** One line per finding, with the column when known and the include chain. */
function findings(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.file}:${d.line}${d.column ? `:${d.column}` : ''} ${d.ruleId}${d.chain ? ` (via ${d.chain.join(' > ')})` : ''}`,
  );
}

describe.skipIf(!hasSeed)('the seed page (../shared/seed)', () => {
  it('gives exactly the known findings, each at the file and line the writer edits', async () => {
    const result = await check({ source: seed, theme: false });
    const page = 'guides/v2.0/cloud/live/stage-prod-over.md';
    expect(findings(result.diagnostics)).toEqual([
      `_includes/cloud/hooks.md:1:1 html/unclosed-block (via ${page}:85)`,
      `_includes/cloud/hooks.md:3:68 links/missing-page (via ${page}:85)`,
      `_includes/cloud/hooks.md:3:90 baseurl/double-slash (via ${page}:85)`,
      `_includes/cloud/hooks.md:9:1 html/duplicate-id (via ${page}:85)`,
      // The menu checks see a site of one page: its section has no parent page, and the page is a
      // level3child whose level3parent is not in the site. True of this one-page site.
      `${page}:4 menu/missing-parent`,
      `${page}:10 menu/orphan-level3`,
      `${page}:21:32 links/missing-page`,
      `${page}:70:1 links/missing-page`,
      `${page}:70:44 baseurl/missing-slash`,
      `${page}:83:10 links/missing-page`,
      `${page}:97:1 links/missing-page`,
    ]);
    // The duplicate id names its first use, on the page itself.
    expect(result.diagnostics[3].message).toContain(`first at ${page}:76`);
  });
});

describe('positions through Liquid, includes and layouts', () => {
  it('reports links at the include line with the chain, and layout links at the layout line', async () => {
    const site = path.join(tempDir(), 'site');
    writeFiles(site, {
      '_config.yml': 'baseurl: ""\n',
      '_layouts/page.html':
        '<html><body>\n<nav><a href="/missing-nav.html">Home</a></nav>\n{{ content }}\n</body></html>\n',
      '_includes/outer.md': 'Outer text.\n{% include inner.md %}\n',
      '_includes/inner.md': '{% if page.title %}\nInner [broken](gone.html) link.\n{% endif %}\n',
      'page.md':
        '---\ntitle: Page\nlayout: page\n---\nFirst paragraph {{ page.title }}.\n\n{% include outer.md %}\n\nLast [link](nowhere.html).\n',
    });
    const result = await check({ source: site, theme: false });
    expect(findings(result.diagnostics)).toEqual([
      '_includes/inner.md:2:7 links/missing-page (via page.md:7 > _includes/outer.md:2)',
      '_layouts/page.html:2:6 links/missing-page',
      'page.md:9:6 links/missing-page',
    ]);
  });

  it('leaves the column out when the link came from a Liquid tag', async () => {
    const site = path.join(tempDir(), 'site');
    writeFiles(site, {
      '_config.yml': 'baseurl: ""\n',
      'page.md': "---\ntitle: Page\n---\nText.\n\n{{ '[made](by-liquid.html)' }}\n",
    });
    const result = await check({ source: site, theme: false });
    expect(findings(result.diagnostics)).toEqual(['page.md:6 links/missing-page']);
  });

  it('reports a problem in an include or layout once, listing the pages that show it', async () => {
    const site = path.join(tempDir(), 'site');
    writeFiles(site, {
      '_config.yml': 'baseurl: ""\n',
      '_layouts/page.html': '<nav><a href="/gone.html">Gone</a></nav>\n{{ content }}\n',
      '_includes/footer.md': 'See [the old page](old.html).\n',
      'a.md': '---\ntitle: A\nlayout: page\n---\n{% include footer.md %}\n',
      'b.md': '---\ntitle: B\nlayout: page\n---\nText.\n\n{% include footer.md %}\n',
      'c.md': '---\ntitle: C\nlayout: page\n---\n{% include footer.md %}\n',
    });
    const result = await check({ source: site, theme: false });
    expect(findings(result.diagnostics)).toEqual([
      '_includes/footer.md:1:5 links/missing-page (via a.md:5)',
      '_layouts/page.html:1:6 links/missing-page',
    ]);
    expect(result.diagnostics.map((d) => d.pages)).toEqual([
      ['a.md', 'b.md', 'c.md'],
      ['a.md', 'b.md', 'c.md'],
    ]);
  });
});
