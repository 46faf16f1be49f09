import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { main } from '../../src/cli.js';
import { buildWithCache, editFile, hashTree, tempDir, writeFiles } from '../build/helpers.js';

/** A small site whose pages read different things: an include each, data, site.pages, a link. */
function cacheSite(): string {
  const root = path.join(tempDir(), 'site');
  writeFiles(root, {
    '_config.yml': 'title: Cache test\n',
    '_layouts/default.html': '<title>{{ page.title }}</title>\n{{ content }}\n',
    '_layouts/plain.html': '{{ content }}\n',
    '_includes/note.md': '<div class="bs-callout bs-callout-info" markdown="1">\n\n**Note:** one\n\n</div>\n',
    '_includes/other.md': 'Other include text.\n',
    '_data/versions.yml': '- v1\n- v2\n',
    'a.md': '---\ntitle: A\nlayout: default\n---\n# A\n\n{% include note.md %}\n',
    'b.md': '---\ntitle: B\nlayout: default\n---\n# B\n\n{% include other.md %}\n',
    'c.md': '---\ntitle: C\nlayout: plain\n---\n# C\n\nPlain text, [to a]({% link a.md %}).\n',
    'd.md': '---\ntitle: D\nlayout: plain\n---\n{% for v in site.data.versions %}- {{ v }}\n{% endfor %}\n',
    'e.md': '---\ntitle: E\nlayout: plain\n---\n{% for p in site.pages %}{{ p.title }} {% endfor %}\n',
    'f.md': '---\ntitle: F\nlayout: plain\n---\nNothing shared, {% include note.md %}\n',
  });
  return root;
}

describe('render cache', () => {
  it('does not render unchanged pages again, and the output is byte-identical', async () => {
    const site = cacheSite();
    const cold = await buildWithCache(site, path.join(tempDir(), '_site'));
    expect(cold.rendered).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md']);
    const coldDest = cold.result.config?.destination as string;
    const warm = await buildWithCache(site, path.join(tempDir(), '_site'));
    expect(warm.rendered).toEqual([]);
    expect(warm.result.cache?.reused).toBe(6);
    expect(hashTree(warm.result.config?.destination as string)).toBe(hashTree(coldDest));
    expect(warm.result.diagnostics).toEqual(cold.result.diagnostics.map(({ cause: _c, ...d }) => d));
    const uncached = await build({ source: site, destination: path.join(tempDir(), '_site'), theme: false });
    expect(uncached.cache?.enabled).toBe(false);
    expect(hashTree(uncached.config?.destination as string)).toBe(hashTree(coldDest));
  });

  it('is shared by builds run from different working folders', async () => {
    const site = cacheSite();
    const elsewhere = tempDir();
    const dest = path.join(tempDir(), '_site');
    const fromOutside = await buildWithCache(site, dest, { cwd: elsewhere });
    expect(fromOutside.rendered).toHaveLength(6);
    // Inside the site the config file is named `_config.yml`, outside it by a longer relative path.
    const fromInside = await buildWithCache('.', dest, { cwd: site });
    expect(fromInside.rendered).toEqual([]);
    expect(fromInside.result.cache?.reused).toBe(6);
  });

  it('a render cache that cannot be saved is reported under the rules set for cache/write-failed', async () => {
    for (const [setting, expected] of [
      ['error', ['error']],
      ['off', []],
    ] as const) {
      const site = cacheSite();
      fs.appendFileSync(
        path.join(site, '_config.yml'),
        `check:\n  rules:\n    cache/write-failed: ${setting}\n`,
      );
      // A folder where the cache file goes: the rename onto it fails.
      fs.mkdirSync(path.join(site, '.galley-cache', 'pages.json'), { recursive: true });
      const { result } = await buildWithCache(site, path.join(tempDir(), '_site'));
      expect(result.written).toBe(true);
      const failed = result.diagnostics.filter((d) => d.ruleId === 'cache/write-failed');
      expect(failed.map((d) => d.severity)).toEqual(expected);
      expect(fs.readdirSync(path.join(site, '.galley-cache')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('an include edit rebuilds exactly the pages that include it', async () => {
    const site = cacheSite();
    await buildWithCache(site, path.join(tempDir(), '_site'));
    editFile(site, '_includes/note.md', 'one', 'two');
    const after = await buildWithCache(site, path.join(tempDir(), '_site'));
    expect(after.rendered).toEqual(['a.md', 'f.md']);
    expect(after.result.pages.find((p) => p.path === 'a.md')?.html).toContain('two');
    expect(after.result.cache?.rebuilt[0].reason).toBe('_includes/note.md changed');
    // The incremental build writes exactly what a build without the cache writes.
    const fresh = await build({ source: site, destination: path.join(tempDir(), '_site'), theme: false });
    expect(hashTree(after.result.config?.destination as string)).toBe(
      hashTree(fresh.config?.destination as string),
    );
  });

  it('data, layout, link targets and site.pages are dependencies too', async () => {
    const site = cacheSite();
    const dest = path.join(tempDir(), '_site');
    await buildWithCache(site, dest);
    editFile(site, '_data/versions.yml', 'v2', 'v3');
    expect((await buildWithCache(site, dest)).rendered).toEqual(['d.md']);
    editFile(site, '_layouts/default.html', '<title>', '<title>Docs: ');
    expect((await buildWithCache(site, dest)).rendered).toEqual(['a.md', 'b.md']);
    // A new title changes site.pages, which e.md lists; c.md links to a.md, whose URL is unchanged.
    editFile(site, 'a.md', 'title: A', 'title: A2');
    const retitled = await buildWithCache(site, dest);
    expect(retitled.rendered).toEqual(['a.md', 'e.md']);
    expect(retitled.result.pages.find((p) => p.path === 'e.md')?.html).toContain('A2');
    editFile(site, 'a.md', 'title: A2', 'title: A2\npermalink: /moved.html');
    expect((await buildWithCache(site, dest)).rendered).toEqual(['a.md', 'c.md', 'e.md']);
  });

  it('a check build reuses facts and diagnostics, and still finds the same problems', async () => {
    const site = cacheSite();
    writeFiles(site, { 'g.md': '---\ntitle: G\n---\n[broken](missing.html)\n' });
    // A build fills the cache; a check (write: false) reads it and writes nothing, not even the cache.
    const first = await buildWithCache(site, path.join(tempDir(), '_site'), { check: true });
    const cacheFile = path.join(site, '.galley-cache', 'pages.json');
    const before = fs.readFileSync(cacheFile, 'utf8');
    const second = await buildWithCache(site, path.join(tempDir(), '_site'), { check: true, write: false });
    expect(second.rendered).toEqual([]);
    expect(fs.readFileSync(cacheFile, 'utf8')).toBe(before);
    const strip = (ds: typeof first.result.diagnostics) => ds.map(({ cause: _c, ...d }) => d);
    expect(strip(second.result.diagnostics)).toEqual(strip(first.result.diagnostics));
    expect(second.result.diagnostics.some((d) => d.ruleId === 'links/missing-page')).toBe(true);
  });

  it('a corrupt or foreign cache is ignored with a warning, never trusted', async () => {
    const site = cacheSite();
    const dest = path.join(tempDir(), '_site');
    const good = await buildWithCache(site, dest);
    const cacheFile = path.join(site, '.galley-cache', 'pages.json');
    const externalCache = path.join(site, '.galley-cache', 'external-links.json');
    fs.writeFileSync(externalCache, '{"version":1,"results":{}}\n');
    fs.writeFileSync(cacheFile, '{"format": 1, "galley": "0.1.0", "entries": {"a.md": {"key": 3}}');
    const corrupt = await buildWithCache(site, dest);
    expect(corrupt.rendered).toHaveLength(6);
    expect(corrupt.result.diagnostics.map((d) => [d.ruleId, d.severity])).toContainEqual([
      'cache/ignored',
      'warning',
    ]);
    expect(corrupt.result.pages).toEqual(good.result.pages);

    const doc = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    doc.entries['a.md'].html = 'tampered';
    fs.writeFileSync(cacheFile, JSON.stringify({ ...doc, galley: '9.9.9' }));
    const foreign = await buildWithCache(site, dest);
    expect(foreign.rendered).toHaveLength(6);
    expect(foreign.result.diagnostics.find((d) => d.ruleId === 'cache/ignored')?.message).toMatch(
      /written by Galley 9\.9\.9/,
    );
    expect(foreign.result.pages.find((p) => p.path === 'a.md')?.html).not.toContain('tampered');
    // The external-link checker's cache beside it is left alone.
    expect(fs.readFileSync(externalCache, 'utf8')).toBe('{"version":1,"results":{}}\n');
  });

  it('galley build --explain says why each page was rendered', async () => {
    const site = cacheSite();
    const dest = path.join(tempDir(), '_site');
    const err: string[] = [];
    const io = { out: () => {}, err: (s: string) => err.push(s), isTTY: false };
    expect(await main(['build', '-s', site, '-d', dest, '--no-theme', '--no-check', '-q'], io)).toBe(0);
    editFile(site, '_includes/other.md', 'Other', 'Another');
    err.length = 0;
    expect(
      await main(['build', '-s', site, '-d', dest, '--no-theme', '--no-check', '-q', '--explain'], io),
    ).toBe(0);
    expect(err.join('')).toBe(
      'rendered b.md: _includes/other.md changed\nrender cache: 5 of 6 pages reused, 1 rendered\n',
    );
    err.length = 0;
    await main(
      ['build', '-s', site, '-d', dest, '--no-theme', '--no-check', '-q', '--explain', '--no-cache'],
      io,
    );
    expect(err.join('')).toMatch(
      /rendered a\.md: the cache is off\n[\s\S]*render cache \(cache off\): 0 of 6/,
    );
  });
});
