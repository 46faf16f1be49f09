import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { pageLocation } from '../../src/generate/page-url.js';
import { buildNav } from '../../src/nav/build-nav.js';
import { readConfigFiles } from '../../src/read/read-config.js';
import { readSite } from '../../src/read/read-site.js';
import { createSnapshot, pageVars, type RenderablePage } from '../../src/render/site-snapshot.js';
import { prestartRenderWorker, sendSnapshotEarly } from '../../src/render/worker/prestart-worker.js';
import { startRenderPool } from '../../src/render/worker/render-pool.js';
import { hashTree, listTree } from '../build/helpers.js';
import { galleyProcess, workspace } from './workspace.js';

/** A site whose file count asks for render workers before the read, though few pages render. */
function manyFilesFewPages(): Record<string, string> {
  const files: Record<string, string> = { '_config.yml': 'title: t\n' };
  for (let i = 0; i < 260; i++) files[`assets/f${i}.txt`] = `file ${i}\n`;
  for (let i = 0; i < 3; i++) files[`p${i}.md`] = `---\ntitle: P${i}\n---\nPage ${i}.\n`;
  return files;
}

describe('render workers started while the site is read', () => {
  it('a worker started early that no render takes is ended: the CLI exits and writes the site', async () => {
    const ws = workspace(null, manyFilesFewPages());
    const child = galleyProcess(['build', '-s', ws.site, '-d', ws.dest, '-q', '--jobs', '2']);
    const exit = await new Promise<number | 'hung'>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('hung');
      }, 60_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(code ?? -1);
      });
    });
    expect(exit).toBe(0);
    expect(listTree(ws.dest).filter((f) => f.endsWith('.html'))).toEqual(['p0.html', 'p1.html', 'p2.html']);
    expect(fs.readFileSync(path.join(ws.dest, 'p1.html'), 'utf8')).toContain('Page 1.');
  }, 90_000);

  it('the pages rendered by early workers are the ones a one-thread build gives', async () => {
    const files: Record<string, string> = { '_config.yml': 'title: t\n' };
    for (let i = 0; i < 240; i++) {
      files[`docs/p${i}.md`] =
        `---\ntitle: Page ${i}\n---\n# Heading ${i}\n\nText with \`code ${i}\` and *emphasis*.\n`;
    }
    const ws = workspace(null, files);
    const early = await build({ source: ws.site, destination: path.join(ws.root, 'early'), jobs: 2 });
    const alone = await build({ source: ws.site, destination: path.join(ws.root, 'alone'), jobs: 1 });
    expect(early.written && alone.written).toBe(true);
    expect(listTree(path.join(ws.root, 'early')).filter((f) => f.endsWith('.html'))).toHaveLength(240);
    expect(hashTree(path.join(ws.root, 'early'))).toBe(hashTree(path.join(ws.root, 'alone')));
  }, 90_000);

  it('a worker sent the snapshot early and ready before the pool asks still renders for the pool', async () => {
    const files: Record<string, string> = { '_config.yml': 'title: t\n' };
    for (let i = 0; i < 6; i++) files[`p${i}.md`] = `---\ntitle: P${i}\n---\nBody of page ${i}.\n`;
    const ws = workspace(null, files);
    const read = await readConfigFiles(undefined, ws.site, ws.site);
    const { config } = resolveConfig(read.documents, ws.site, { themeDir: null });
    const site = await readSite(config, [config.destination]);
    const pages: RenderablePage[] = [];
    for (const page of site.pages) {
      const location = pageLocation(page, config);
      if (!('error' in location))
        pages.push({ source: page, ...location, vars: pageVars(page, location.url) });
    }
    const nav = buildNav(pages, config, site.dataTexts);
    const snapshot = createSnapshot(site, pages, nav.site, new Date(Date.UTC(2026, 0, 2)));
    const early = prestartRenderWorker();
    sendSnapshotEarly([early], snapshot, false);
    // The worker has said it is ready before any pool listens (a build's main thread may still be
    // loading the renderer then); the pool that takes it must not wait for that message again.
    await early.sent?.ready;
    const pool = await startRenderPool(snapshot, 1, false, undefined, undefined, [early]);
    try {
      const rendered = await pool.render(snapshot.pages);
      expect(rendered.map((r) => r.html?.match(/Body of page \d/)?.[0])).toEqual(
        [0, 1, 2, 3, 4, 5].map((i) => `Body of page ${i}`),
      );
    } finally {
      await pool.close();
    }
  }, 30_000);
});
