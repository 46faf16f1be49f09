// The navigation of the Magento corpus slice in ../shared (skipped, and says so, without it): the
// cloud guide from _data/toc/cloud-guide.yml, and the front matter menu checks on every guide.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, DEFAULT_THEME_DIR } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { type SiteNavRun, siteNavOf } from '../nav/site-nav-of.js';
import { tempDir } from '../temp-dirs.js';

const corpus = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'devdocs-v2.0');
const hasCorpus = existsSync(path.join(corpus, '_data', 'toc', 'cloud-guide.yml'));
if (!hasCorpus)
  console.warn(`nav corpus tests skipped: ${corpus} not found (they need the shared corpus beside the repo)`);

const byRule = (ds: readonly Diagnostic[]) => {
  const counts: Record<string, number> = {};
  for (const d of ds) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  return counts;
};

describe.skipIf(!hasCorpus)('devdocs-v2.0: the cloud guide from its TOC file', () => {
  let run: SiteNavRun;
  beforeAll(async () => {
    run = await siteNavOf(corpus, { nav: { toc: { cloud: 'cloud-guide' } } });
  });

  it('builds one cloud sidebar, for 2.0 (the URL wins over the site-wide guide_version: "2.2" default)', () => {
    const cloud = run.nav.trees.filter((t) => t.group === 'cloud');
    expect(cloud.map((t) => [t.model, t.version])).toEqual([['toc', '2.0']]);
  });

  it('its top entries are the TOC file top entries, in file order, and 2.1+ entries are left out', () => {
    const toc = yaml.load(readFileSync(path.join(corpus, '_data/toc/cloud-guide.yml'), 'utf8')) as {
      pages: { label: string; versions?: string[] }[];
    };
    const expected = toc.pages.filter((e) => !e.versions || e.versions.includes('2.0')).map((e) => e.label);
    const nodes = run.nav.site.cloud;
    expect(nodes.map((n) => n.title)).toEqual(expected);
    expect(JSON.stringify(nodes)).not.toContain('Onboarding tasks');
    expect(nodes[0].url).toBe('/guides/v2.0/cloud/bk-cloud.html');
  });

  it('finds the one entry whose page was renamed in case only, at its url line', () => {
    const missing = run.nav.diagnostics.filter((d) => d.ruleId === 'menu/toc-missing-page');
    expect(missing.map((d) => `${d.file}:${d.line} ${d.hint}`)).toEqual([
      '_data/toc/cloud-guide.yml:328 did you mean /guides/v2.0/cloud/trouble/trouble-error-HTML-minification.html?',
    ]);
  });

  it('pages get breadcrumbs and previous/next in the TOC reading order', () => {
    const page = run.pages.find((p) => p.source.path === 'guides/v2.0/cloud/live/stage-prod-test.md');
    expect(page?.vars.breadcrumbs).toEqual([
      { title: 'Deploy your store', url: '/guides/v2.0/cloud/live/stage-prod-live.html' },
    ]);
    expect(page?.vars.previous).toEqual({
      title: 'Deploy code and migrate static files and data',
      url: '/guides/v2.0/cloud/live/stage-prod-migrate.html',
    });
    // The last entry of a section leads on to the next section's page.
    expect(page?.vars.next).toEqual({
      title: 'Go live and launch',
      url: '/guides/v2.0/cloud/live/live.html',
    });
  });
});

describe.skipIf(!hasCorpus)('devdocs-v2.0: the front matter menu checks on every guide', () => {
  let run: SiteNavRun;
  beforeAll(async () => {
    run = await siteNavOf(corpus);
  });

  it('report what the slice really has (see the issue note for the verdicts)', () => {
    expect(byRule(run.nav.diagnostics)).toEqual({
      'menu/duplicate-order': 2,
      'menu/missing-parent': 7,
      'menu/orphan-level3': 9,
      'menu/suspicious-sort': 1,
    });
    const sort = run.nav.diagnostics.find((d) => d.ruleId === 'menu/suspicious-sort');
    expect(sort?.message).toBe(
      'subgroup "500_log" sorts before "50_sessions" as a string but after it as a number',
    );
  });
});

describe.skipIf(!hasCorpus)('devdocs-v2.0: the cloud guide in the default theme', () => {
  // The cloud pages' front matter with a one-line body (their bodies need the Magento plugins),
  // the TOC file and the site config: a quick build that still renders the real sidebar.
  const work = tempDir('galley-nav-corpus-');
  let html: string;
  beforeAll(async () => {
    const site = path.join(work, 'site');
    const cloud = path.join(corpus, 'guides', 'v2.0', 'cloud');
    for (const entry of readdirSync(cloud, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      const from = path.join(entry.parentPath, entry.name);
      const text = readFileSync(from, 'utf8');
      const end = text.indexOf('\n---', 3);
      const to = path.join(site, path.relative(corpus, from));
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, `${text.slice(0, end + 4)}\n\nBody.\n`);
    }
    cpSync(path.join(corpus, '_data', 'toc'), path.join(site, '_data', 'toc'), { recursive: true });
    writeFileSync(
      path.join(site, '_config.yml'),
      `${readFileSync(path.join(corpus, '_config.yml'), 'utf8')}\nnav:\n  toc:\n    cloud: cloud-guide\n`,
    );
    const dest = path.join(work, '_site');
    const result = await build({
      source: site,
      destination: dest,
      theme: DEFAULT_THEME_DIR,
      cwd: site,
      writeOnError: true,
      // This test is about the sidebar; the slice's broken links are the checker's (test/check/).
      check: false,
      // One thread: a worker under the test runner compiles the TypeScript sources again (seconds).
      jobs: 1,
    });
    // The slice's two known redirect collisions are errors; write anyway.
    expect(
      result.diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'output/collision'),
    ).toEqual([]);
    expect(result.written).toBe(true);
    html = readFileSync(path.join(dest, 'guides/v2.0/cloud/live/stage-prod-test.html'), 'utf8');
  });

  it('renders the sidebar from cloud-guide.yml with the page current, and its neighbours', () => {
    const sidebar = html.slice(
      html.indexOf('<nav class="sidebar"'),
      html.indexOf('</nav>', html.indexOf('<nav class="sidebar"')),
    );
    expect(sidebar).toContain('>Welcome to Magento Commerce (Cloud)</a>');
    expect(sidebar).not.toContain('Onboarding tasks');
    expect(sidebar).toContain(
      '<a class="nav-link is-current" href="/guides/v2.0/cloud/live/stage-prod-test.html" aria-current="page">Test deployment</a>',
    );
    expect(html).toContain('rel="next"><span class="pager-label">Next</span> Go live and launch</a>');
  });
});
