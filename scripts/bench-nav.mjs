#!/usr/bin/env node
// Times building the navigation (buildNav) and deriving every page's nav variables from it, on
// sites made by ../shared/bench/make-site.mjs, to show both are linear in the number of pages.
// Needs `npm run compile` first (it runs the built dist/). Usage:
//   node scripts/bench-nav.mjs 1000 4000 [16000]
// The synthetic sites set page.baseurl per version but declare no `versions:`; the script adds
// them (as a site would) so each group gets one sidebar per version.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const maker = path.resolve(root, '..', 'shared', 'bench', 'make-site.mjs');
if (!existsSync(maker)) {
  console.error(
    `bench-nav: ${maker} not found; the benchmark generator lives in ../shared beside the repository`,
  );
  process.exit(2);
}
const dist = (p) => import(path.join(root, 'dist', p));
const { readConfigFiles } = await dist('read/read-config.js');
const { resolveConfig } = await dist('config/resolve-config.js');
const { readSite } = await dist('read/read-site.js');
const { pageLocation } = await dist('generate/page-url.js');
const { pageVars } = await dist('render/site-snapshot.js');
const { buildNav } = await dist('nav/build-nav.js');

// The machine is shared: the best of many runs is the least disturbed one.
const RUNS = 20;
const versions = ['2.0', '2.1', '2.2', '2.3'].map((name) => ({ name, url: `/guides/v${name}/` }));
const work = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-nav-'));
try {
  for (const n of process.argv.slice(2).map(Number)) {
    const dir = path.join(work, String(n));
    spawnSync(process.execPath, [maker, '--pages', String(n), '--out', dir, '--flavor', 'jekyll'], {
      stdio: 'ignore',
    });
    const read = await readConfigFiles(undefined, dir, dir);
    const { config } = resolveConfig([...read.documents, { file: '(bench)', data: { versions } }], dir, {
      themeDir: null,
    });
    const site = await readSite(config, [config.destination]);
    const pages = site.pages.map((page) => {
      const loc = pageLocation(page, config);
      return { source: page, ...loc, vars: pageVars(page, loc.url) };
    });
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const fresh = pages.map((p) => ({ ...p })); // no cached sort keys from an earlier run
      const t0 = performance.now();
      const nav = buildNav(fresh, config, site.dataTexts);
      const t1 = performance.now();
      for (const page of fresh) nav.pageVars(page);
      runs.push({ build: t1 - t0, derive: performance.now() - t1, trees: nav.trees.length });
    }
    const best = (k) => Math.min(...runs.map((r) => r[k])).toFixed(1);
    console.log(
      `${pages.length} pages: buildNav ${best('build')} ms, page vars for all pages ${best('derive')} ms (best of ${RUNS}), ${runs[0].trees} sidebars`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
