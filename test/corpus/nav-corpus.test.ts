// The navigation of the Magento corpus slice in ../shared (skipped, and says so, without it): the
// cloud guide from _data/toc/cloud-guide.yml, and the front matter menu checks on every guide.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { type SiteNavRun, siteNavOf } from '../nav/site-nav-of.js';

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
