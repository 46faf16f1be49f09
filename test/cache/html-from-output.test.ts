import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { buildWithCache, hashTree, tempDir, writeFiles } from '../build/helpers.js';

/** Three pages, each with a sentence found nowhere else, so the cache file can be searched for it. */
function site(): string {
  const root = path.join(tempDir(), 'site');
  writeFiles(root, {
    '_config.yml': 'title: Output cache\n',
    '_layouts/page.html': '<main>{{ content }}</main>\n',
    'lighthouse.md': '---\ntitle: Lighthouse\nlayout: page\n---\nThe lamp turns twice a minute.\n',
    'harbour.md': '---\ntitle: Harbour\nlayout: page\n---\nBoats moor on the east quay.\n',
    'tides.md': '---\ntitle: Tides\nlayout: page\n---\nHigh water comes at noon, [harbour](harbour.html).\n',
  });
  return root;
}

const cacheFile = (root: string) => path.join(root, '.galley-cache', 'pages.json');

describe('render cache: HTML read back from the site', () => {
  it('keeps a hash of each page instead of its HTML, and a warm build takes the HTML from the site', async () => {
    const root = site();
    const dest = path.join(tempDir(), '_site');
    const cold = await buildWithCache(root, dest);
    const saved = fs.readFileSync(cacheFile(root), 'utf8');
    expect(saved).not.toContain('The lamp turns twice a minute.');
    expect(JSON.parse(saved).entries['lighthouse.md'].htmlHash).toMatch(/^[0-9a-f]{64}$/);

    const warm = await buildWithCache(root, dest);
    expect(warm.rebuilt).toEqual([]);
    expect(warm.result.cache?.reused).toBe(3);
    expect(warm.result.pages).toEqual(cold.result.pages);
  });

  it('renders a page again when its output was changed or deleted, and says so', async () => {
    const root = site();
    const dest = path.join(tempDir(), '_site');
    await buildWithCache(root, dest);
    fs.writeFileSync(path.join(dest, 'lighthouse.html'), '<main>edited by hand</main>\n');
    fs.rmSync(path.join(dest, 'tides.html'));

    const warm = await buildWithCache(root, dest);
    // The site is named relative to the working folder when inside it (`_site`), else in full.
    const reason = `its output in ${dest} is missing or was changed`;
    expect(warm.rebuilt).toEqual([
      ['lighthouse.md', reason],
      ['tides.md', reason],
    ]);
    expect(warm.result.cache?.reused).toBe(1);
    const uncached = await build({ source: root, destination: path.join(tempDir(), '_site'), theme: false });
    expect(hashTree(dest)).toBe(hashTree(uncached.config?.destination as string));
    // The rendered pages' hashes were saved again: the next build reuses every page.
    expect((await buildWithCache(root, dest)).rebuilt).toEqual([]);
  });

  it.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)(
    'a FIFO left at an output path is not read (opening it would wait for a writer)',
    async () => {
      const root = site();
      const dest = path.join(tempDir(), '_site');
      await buildWithCache(root, dest);
      fs.rmSync(path.join(dest, 'tides.html'));
      expect(spawnSync('mkfifo', [path.join(dest, 'tides.html')]).status).toBe(0);
      const warm = await buildWithCache(root, dest);
      expect(warm.rebuilt).toEqual([['tides.md', `its output in ${dest} is missing or was changed`]]);
      expect(fs.statSync(path.join(dest, 'tides.html')).isFile()).toBe(true);
    },
    10_000,
  );

  it('a page with half an emoji (a lone surrogate) has the same HTML rendered and read back', async () => {
    const root = site();
    fs.writeFileSync(
      path.join(root, 'emoji.md'),
      '---\ntitle: Emoji\nlayout: page\n---\nX{{ "\u{1F600}x" | split: "" | first }}Y\n',
    );
    const dest = path.join(tempDir(), '_site');
    const cold = await buildWithCache(root, dest);
    const coldPage = cold.result.pages.find((p) => p.path === 'emoji.md');
    expect(coldPage?.html).toContain('X\uFFFDY');
    fs.appendFileSync(path.join(root, 'harbour.md'), 'More.\n');
    const warm = await buildWithCache(root, dest);
    expect(warm.rebuilt.map(([p]) => p)).toEqual(['harbour.md']);
    expect(warm.result.pages.find((p) => p.path === 'emoji.md')).toEqual(coldPage);
  });

  it('links a file it read back into the new site only while that file is untouched', async () => {
    const root = site();
    const dest = path.join(tempDir(), '_site');
    await buildWithCache(root, dest);
    const file = path.join(dest, 'harbour.html');
    const html = fs.readFileSync(file, 'utf8');
    const inode = fs.statSync(file).ino;
    // `onState` runs after the render cache read the file back and before the site is written.
    await build({ source: root, destination: dest, theme: false, cache: true }, { onState: () => {} });
    expect(fs.statSync(file).ino).toBe(inode);
    const sameSize = html.replace('east quay', 'west quay');
    await build(
      { source: root, destination: dest, theme: false, cache: true },
      { onState: () => fs.writeFileSync(file, sameSize) },
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(html);
  });

  it('reads from the site the cache was saved with when the destination changes', async () => {
    const root = site();
    const first = path.join(tempDir(), '_site');
    await buildWithCache(root, first);
    const second = path.join(tempDir(), 'out');
    expect((await buildWithCache(root, second)).rebuilt).toEqual([]);
    expect(hashTree(second)).toBe(hashTree(first));
    // The cache now names the second site: the first can go without costing a render.
    fs.rmSync(first, { recursive: true });
    expect((await buildWithCache(root, second)).rebuilt).toEqual([]);
    const third = path.join(tempDir(), 'again');
    expect((await buildWithCache(root, third)).rebuilt).toEqual([]);
    fs.rmSync(second, { recursive: true });
    fs.rmSync(third, { recursive: true });
    expect((await buildWithCache(root, path.join(tempDir(), 'fresh'))).rebuilt.map(([p]) => p)).toEqual([
      'harbour.md',
      'lighthouse.md',
      'tides.md',
    ]);
  });

  it('a site not written (a page failed) leaves the cache pointing at the site that holds the pages', async () => {
    const root = site();
    const dest = path.join(tempDir(), '_site');
    await buildWithCache(root, dest);
    writeFiles(root, { 'broken.md': '---\ntitle: Broken\nlayout: page\n---\n{% include missing.html %}\n' });
    const failed = await buildWithCache(root, path.join(tempDir(), 'elsewhere'));
    expect(failed.result.written).toBe(false);
    expect(failed.rebuilt.map(([p]) => p)).toEqual(['broken.md']);
    fs.rmSync(path.join(root, 'broken.md'));
    const fixed = await buildWithCache(root, path.join(tempDir(), 'elsewhere'));
    expect(fixed.rebuilt).toEqual([]);
  });

  it('a cache of the previous format, which held the HTML, is ignored with a warning', async () => {
    const root = site();
    const dest = path.join(tempDir(), '_site');
    const cold = await buildWithCache(root, dest);
    const doc = JSON.parse(fs.readFileSync(cacheFile(root), 'utf8'));
    const old = {
      format: 1,
      galley: doc.galley,
      entries: Object.fromEntries(
        Object.entries(doc.entries as Record<string, { htmlHash: string }>).map(([file, e]) => {
          const { htmlHash: _hash, ...rest } = e;
          return [file, { ...rest, html: '<main>stale</main>\n' }];
        }),
      ),
    };
    fs.writeFileSync(cacheFile(root), JSON.stringify(old));
    const after = await buildWithCache(root, dest);
    expect(after.rebuilt).toHaveLength(3);
    const warning = after.result.diagnostics.find((d) => d.ruleId === 'cache/ignored');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/\(format 1\).*\(format 2\)/);
    expect(after.result.pages).toEqual(cold.result.pages);
    expect(fs.readFileSync(path.join(dest, 'lighthouse.html'), 'utf8')).not.toContain('stale');
  });
});
