// The navigation of a site, as fixture sites with golden output: the front matter model (the seed
// page's guide, two versions) and the TOC model (versions filtering), then one not-ok fixture per
// menu rule (test/fixtures-invalid/<rule>) against the ok fixtures, where no rule fires.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEME_DIR } from '../../src/build.js';
import { MENU_RULES } from '../../src/nav/menu-rules.js';
import {
  buildFixture,
  buildSite,
  copySite,
  expectDiagnostics,
  expectGolden,
  type FixtureBuild,
  fixtureSite,
  invalidSite,
  readOut,
  writeFiles,
} from '../build/helpers.js';

describe('front matter model (the seed page and sibling pages of its guide)', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('nav-front-matter');
  });

  it('builds without diagnostics', () => {
    expect(built.result.diagnostics).toEqual([]);
  });

  it('page.nav, breadcrumbs, previous/next and site.nav match the expected trees', () => {
    expectGolden('nav-front-matter', built.dest);
  });

  it('sections by subgroup, parent as the header, items by menu_order, level3 under its parent', () => {
    const out = readOut(built.dest, 'guides/v2.0/cloud/live/stage-prod-over.html');
    expect(out).toContain(
      [
        '- Going live </guides/v2.0/cloud/live/live.html> open',
        '  - Staging and production </guides/v2.0/cloud/live/stage-prod.html> open',
        '    - Overview of staging and production </guides/v2.0/cloud/live/stage-prod-over.html> ACTIVE',
        '    - Testing on staging </guides/v2.0/cloud/live/stage-prod-test.html>',
        '  - Launch checklist </guides/v2.0/cloud/live/launch.html>',
      ].join('\n'),
    );
  });

  it('a version sees only its own pages', () => {
    const out = readOut(built.dest, 'guides/v2.1/cloud/bk-cloud.html').split('breadcrumbs:')[0];
    expect(out).not.toContain('/guides/v2.0/');
    expect(out).toContain('- Onboarding </guides/v2.1/cloud/onboarding.html>');
  });

  it('nav.subgroup_order: numeric orders sections by their leading number', async () => {
    const site = copySite(fixtureSite('nav-front-matter'));
    writeFiles(site, {
      '_config.yml': `${readOut(site, '_config.yml')}nav:\n  subgroup_order: numeric\n`,
      'guides/v2.0/cloud/ref/ref.md':
        '---\ngroup: cloud\nsubgroup: 100_reference\ntitle: Reference\nmenu_order: 1\nmenu_node: parent\n---\nx\n',
    });
    const { result, dest } = await buildSite(site);
    expect(result.diagnostics).toEqual([]);
    expect(readOut(dest, 'guides/v2.0/cloud/bk-cloud.html')).toContain(
      'site.nav.cloud: Welcome </guides/v2.0/cloud/bk-cloud.html>; Set up a project </guides/v2.0/cloud/setup/project.html>; Going live </guides/v2.0/cloud/live/live.html>; Reference </guides/v2.0/cloud/ref/ref.html>;',
    );
  });

  it('the default theme renders the sidebar, breadcrumbs and previous/next', async () => {
    const site = copySite(fixtureSite('nav-front-matter'));
    // The fixture's own layouts print the tree as text; drop them so the theme's default.html applies.
    rmSync(path.join(site, '_layouts'), { recursive: true });
    rmSync(path.join(site, '_includes'), { recursive: true });
    writeFiles(site, {
      '_config.yml': readOut(site, '_config.yml').replace('layout: tree', 'layout: default'),
    });
    const { result, dest } = await buildSite(site, { theme: DEFAULT_THEME_DIR });
    expect(result.diagnostics).toEqual([]);
    const html = readOut(dest, 'guides/v2.0/cloud/live/stage-prod-over.html');
    expect(html).toMatch(
      /<li class="nav-item has-children is-open">\s*<a class="nav-link" href="\/guides\/v2.0\/cloud\/live\/stage-prod.html">Staging and production<\/a>\s*<button class="nav-expand" type="button" aria-expanded="true"/,
    );
    expect(html).toContain(
      '<a class="nav-link is-current" href="/guides/v2.0/cloud/live/stage-prod-over.html" aria-current="page">Overview of staging and production</a>',
    );
    expect(html).toContain('<a class="nav-link" href="https://status.example.com/">Service status</a>');
    expect(html).toMatch(
      /<nav class="breadcrumbs"[\s\S]*Going live[\s\S]*Staging and production[\s\S]*<\/nav>/,
    );
    expect(html).toContain('rel="prev"><span class="pager-label">Previous</span> Staging and production</a>');
    expect(html).toContain('rel="next"><span class="pager-label">Next</span> Testing on staging</a>');
    // Folded entries stay folded unless they hold the current page.
    expect(readOut(dest, 'guides/v2.0/cloud/setup/ssh.html')).toContain('aria-expanded="false"');
  });

  it('sidebar links carry the baseurl (node.href), external ones do not', async () => {
    const site = copySite(fixtureSite('nav-front-matter'));
    rmSync(path.join(site, '_layouts'), { recursive: true });
    rmSync(path.join(site, '_includes'), { recursive: true });
    writeFiles(site, {
      '_config.yml': readOut(site, '_config.yml').replace('layout: tree', 'layout: default'),
    });
    const { dest } = await buildSite(site, { theme: DEFAULT_THEME_DIR, baseurl: '/docs' });
    const html = readOut(dest, 'guides/v2.0/cloud/welcome/plans.html');
    expect(html).toContain('href="/docs/guides/v2.0/cloud/setup/ssh.html">SSH keys</a>');
    expect(html).toContain('href="https://status.example.com/">Service status</a>');
    expect(html).toContain('<a href="/docs/guides/v2.0/cloud/bk-cloud.html">Welcome</a>');
  });
});

describe('TOC model (_data/toc/<file>.yml, versions filtering)', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('nav-toc');
  });

  it('builds without diagnostics and matches the expected trees', () => {
    expect(built.result.diagnostics).toEqual([]);
    expectGolden('nav-toc', built.dest);
  });

  it('entries whose versions leave the page version out are not shown', () => {
    expect(readOut(built.dest, 'v1.0/handbook/restore.html')).not.toContain('Single sign-on');
    expect(readOut(built.dest, 'v2.0/handbook/sso.html')).not.toContain('Legacy export');
  });
});

const OK = ['nav-front-matter', 'nav-toc'];

describe('menu rules: one not-ok fixture each (test/fixtures-invalid/<id without slash>)', () => {
  const okBuilds: FixtureBuild[] = [];
  beforeAll(async () => {
    for (const name of OK) okBuilds.push(await buildFixture(name));
    // menu/unlisted-page is off by default: switch it on for the ok fixtures too.
    const site = copySite(fixtureSite('nav-toc'));
    writeFiles(site, { '_config.yml': `${readOut(site, '_config.yml')}  check_unlisted: true\n` });
    okBuilds.push(await buildSite(site));
  });

  for (const rule of MENU_RULES) {
    const name = rule.id.replace('/', '-');
    it(`${rule.id} fires on ${name}`, async () => {
      const site = invalidSite(name);
      const { result } = await buildSite(site, { cwd: site });
      expectDiagnostics(name, result.diagnostics);
    });
    it(`${rule.id} is silent on the ok fixtures`, () => {
      for (const b of okBuilds) expect(b.result.diagnostics.filter((d) => d.ruleId === rule.id)).toEqual([]);
    });
  }

  it('menu/toc-missing-page hints: the page that took the URL over, a case slip, the closest URL', async () => {
    const site = invalidSite('menu-toc-missing-page');
    const { result } = await buildSite(site, { cwd: site });
    expect(result.diagnostics.map((d) => d.hint)).toEqual([
      'did you mean /manual/setup.html?',
      'fix the url, or remove the entry',
      'the page moved to /manual/install.html (its redirect_from lists this URL); link it there',
    ]);
  });

  it('menu/unlisted-page is off unless nav.check_unlisted is true', async () => {
    const site = copySite(invalidSite('menu-unlisted-page'));
    writeFiles(site, {
      '_config.yml': readOut(site, '_config.yml').replace('check_unlisted: true', 'check_unlisted: false'),
    });
    const { result } = await buildSite(site);
    expect(result.diagnostics).toEqual([]);
  });

  it('check.rules can turn menu/unlisted-page on, like nav.check_unlisted', async () => {
    const site = copySite(invalidSite('menu-unlisted-page'));
    const config = readOut(site, '_config.yml').replace('check_unlisted: true', 'check_unlisted: false');
    writeFiles(site, { '_config.yml': `${config}check:\n  rules:\n    menu/unlisted-page: error\n` });
    const { result } = await buildSite(site);
    expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toContain('menu/unlisted-page error');
  });
});
