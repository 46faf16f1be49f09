import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BuildOptions, build } from '../../src/build.js';
import { main } from '../../src/cli.js';
import { hashTree, tempDir, writeFiles } from '../build/helpers.js';

/**
 * A build with nothing changed returns the last build's result without reading, rendering or
 * writing the site (`timings.replay`); any change, even one a file's stamp hides, builds in full.
 */

/** A small site: a layout, an include, data, a static file, a page with a warning, a redirect. */
function site(): string {
  const root = path.join(tempDir(), 'site');
  writeFiles(root, {
    '_config.yml': 'title: Replay test\n',
    '_layouts/default.html': '<title>{{ page.title }}</title>\n{{ content }}\n',
    '_includes/tip.md': 'A tip about the harbour.\n',
    '_data/ports.yml': '- Oslo\n- Bergen\n',
    'index.md':
      '---\ntitle: Home\nlayout: default\n---\n# Home\n\n{% include tip.md %}\n\n[Ferries](ferries.html)\n',
    'ferries.md':
      '---\ntitle: Ferries\nlayout: default\nredirect_from: /old-ferries.html\n---\n{% for p in site.data.ports %}- {{ p }}\n{% endfor %}\n\n[Gone](missing-page.html)\n',
    'style.css': 'body { margin: 0; }\n',
  });
  return root;
}

/** Waits until files written just now are old enough for their stamps to be trusted (see isRacy). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

async function run(source: string, destination: string, extra: BuildOptions = {}) {
  await settle();
  const result = await build({ source, destination, theme: false, cache: true, ...extra });
  return { result, replayed: 'replay' in result.timings };
}

const inode = (file: string) => fs.statSync(file).ino;

describe('a build with nothing changed', () => {
  it('is replayed only for the same config file names, which its diagnostics carry', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    await run('.', dest, { cwd: src });
    expect((await run('.', dest, { cwd: src })).replayed).toBe(true);
    // From the parent folder the config file is `site/_config.yml`: rendered pages are reused,
    // the recorded diagnostics (naming `_config.yml`) are not.
    const fromParent = await run(path.basename(src), dest, { cwd: path.dirname(src) });
    expect(fromParent.replayed).toBe(false);
    expect(fromParent.result.cache?.rebuilt).toEqual([]);
  });

  it('returns the last result without rendering or rewriting the site', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    const cold = await run(src, dest);
    expect(cold.replayed).toBe(false);
    const before = hashTree(dest);
    const ino = inode(path.join(dest, 'index.html'));
    const warm = await run(src, dest);
    expect(warm.replayed).toBe(true);
    expect(warm.result.written).toBe(true);
    expect(hashTree(dest)).toBe(before);
    // Not even rewritten: the same file is still there.
    expect(inode(path.join(dest, 'index.html'))).toBe(ino);
    expect(warm.result.diagnostics).toEqual(cold.result.diagnostics.map(({ cause: _c, ...d }) => d));
    expect(warm.result.diagnostics.map((d) => d.ruleId)).toContain('links/missing-page');
    expect(warm.result.pages.map((p) => [p.path, p.url, p.html])).toEqual(
      cold.result.pages.map((p) => [p.path, p.url, p.html]),
    );
    expect(warm.result.redirects).toEqual(cold.result.redirects);
    expect(warm.result.staticFiles).toEqual(cold.result.staticFiles);
    expect(warm.result.cache).toEqual({
      enabled: true,
      reused: 2,
      rebuilt: [],
      lastBuild: { replayed: true },
    });
  });

  it('a touched file, or one written again with the same bytes, still replays', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    await run(src, dest);
    const before = hashTree(dest);
    const earlier = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(src, '_includes/tip.md'), earlier, earlier);
    fs.writeFileSync(path.join(src, 'style.css'), 'body { margin: 0; }\n');
    const touched = await run(src, dest);
    expect(touched.replayed).toBe(true);
    expect(hashTree(dest)).toBe(before);
    expect((await run(src, dest)).replayed).toBe(true);
  });

  it('a changed file with the same size and modification time is built', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    const file = path.join(src, '_includes/tip.md');
    // A whole second, so that setting it again restores it exactly (utimes takes no nanoseconds).
    const second = Math.floor(Date.now() / 1000) - 10;
    fs.utimesSync(file, second, second);
    await run(src, dest);
    const { mtimeNs, size } = fs.statSync(file, { bigint: true });
    fs.writeFileSync(file, 'A tip about the harbor!!\n');
    fs.utimesSync(file, second, second);
    expect(fs.statSync(file, { bigint: true })).toMatchObject({ mtimeNs, size });
    const after = await run(src, dest);
    expect(after.replayed).toBe(false);
    expect(fs.readFileSync(path.join(dest, 'index.html'), 'utf8')).toContain('harbor!');
    // Then that build is recorded in turn.
    expect((await run(src, dest)).replayed).toBe(true);
  });

  it('an added or removed file, and a config change, are built', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    await run(src, dest);
    writeFiles(src, { 'cruises.md': '---\ntitle: Cruises\n---\nNew page.\n' });
    const added = await run(src, dest);
    expect(added.replayed).toBe(false);
    expect(fs.existsSync(path.join(dest, 'cruises.html'))).toBe(true);
    fs.rmSync(path.join(src, '_data/ports.yml'));
    const removed = await run(src, dest);
    expect(removed.replayed).toBe(false);
    expect(fs.readFileSync(path.join(dest, 'ferries.html'), 'utf8')).not.toContain('Oslo');
    writeFiles(src, { '_config.yml': 'title: Replay test, renamed\n' });
    expect((await run(src, dest)).replayed).toBe(false);
    expect((await run(src, dest, { baseurl: '/docs' })).replayed).toBe(false);
    expect((await run(src, dest, { baseurl: '/docs' })).replayed).toBe(true);
    expect((await run(src, dest, { check: false })).replayed).toBe(false);
  });

  it('a changed, added or deleted output file is written again', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    await run(src, dest);
    const before = hashTree(dest);
    fs.writeFileSync(path.join(dest, 'index.html'), 'edited by hand');
    expect((await run(src, dest)).replayed).toBe(false);
    expect(hashTree(dest)).toBe(before);
    fs.rmSync(path.join(dest, 'style.css'));
    expect((await run(src, dest)).replayed).toBe(false);
    expect(hashTree(dest)).toBe(before);
    fs.writeFileSync(path.join(dest, 'stray.html'), 'not built');
    expect((await run(src, dest)).replayed).toBe(false);
    expect(hashTree(dest)).toBe(before);
    expect((await run(src, dest)).replayed).toBe(true);
  });

  it('removing the render cache renders every page again', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    await run(src, dest);
    fs.rmSync(path.join(src, '.galley-cache/pages.json'));
    const after = await run(src, dest);
    expect(after.replayed).toBe(false);
    expect(after.result.cache?.rebuilt.map((r) => r.path)).toEqual(['ferries.md', 'index.md']);
  });

  it('a page that reads site.time replays only when the time is pinned and the same', async () => {
    const src = site();
    writeFiles(src, { 'stamp.md': '---\ntitle: Stamp\n---\nBuilt {{ site.time | date: "%Y" }}.\n' });
    const dest = path.join(tempDir(), '_site');
    await run(src, dest);
    expect((await run(src, dest)).replayed).toBe(false);
    const now = new Date('2030-05-01T00:00:00Z');
    await run(src, dest, { now });
    expect((await run(src, dest, { now })).replayed).toBe(true);
    const other = await run(src, dest, { now: new Date('2031-05-01T00:00:00Z') });
    expect(other.replayed).toBe(false);
    expect(fs.readFileSync(path.join(dest, 'stamp.html'), 'utf8')).toContain('Built 2031.');
  });

  it('a corrupt record is ignored with a warning, a foreign one quietly; both build in full', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    await run(src, dest);
    const before = hashTree(dest);
    const record = path.join(src, '.galley-cache/build.json');
    fs.writeFileSync(record, '{"format":1,');
    const corrupt = await run(src, dest);
    expect(corrupt.replayed).toBe(false);
    expect(corrupt.result.diagnostics.filter((d) => d.ruleId === 'cache/ignored').map((d) => d.file)).toEqual(
      ['.galley-cache/build.json'],
    );
    expect(hashTree(dest)).toBe(before);
    const next = await run(src, dest);
    expect(next.replayed).toBe(true);
    expect(next.result.diagnostics.some((d) => d.ruleId.startsWith('cache/'))).toBe(false);
    const doc = JSON.parse(fs.readFileSync(record, 'utf8'));
    fs.writeFileSync(record, JSON.stringify({ ...doc, galley: '0.0.0-other' }));
    const foreign = await run(src, dest);
    expect(foreign.replayed).toBe(false);
    expect(foreign.result.diagnostics.some((d) => d.ruleId === 'cache/ignored')).toBe(false);
    expect(hashTree(dest)).toBe(before);
  });

  it('a record holding null or a diagnostic of unknown severity is not trusted', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    await run(src, dest);
    const record = path.join(src, '.galley-cache/build.json');
    const doc = JSON.parse(fs.readFileSync(record, 'utf8'));
    const ignoredFiles = (r: Awaited<ReturnType<typeof run>>) =>
      r.result.diagnostics.filter((d) => d.ruleId === 'cache/ignored').map((d) => d.file);
    fs.writeFileSync(record, 'null');
    const empty = await run(src, dest);
    expect(empty.replayed).toBe(false);
    expect(ignoredFiles(empty)).toEqual(['.galley-cache/build.json']);
    const bad = { file: 'index.md', ruleId: 'x/y', message: 'm', severity: 'fatal' };
    fs.writeFileSync(record, JSON.stringify({ ...doc, diagnostics: [bad] }));
    const odd = await run(src, dest);
    expect(odd.replayed).toBe(false);
    expect(ignoredFiles(odd)).toEqual(['.galley-cache/build.json']);
    expect(odd.result.diagnostics.some((d) => d.message === 'm')).toBe(false);
  });

  it('galley build --explain says every page was reused, with the same report as before', async () => {
    const src = site();
    const dest = path.join(tempDir(), '_site');
    const runCli = async () => {
      await settle();
      let out = '';
      let err = '';
      const code = await main(['build', '-s', src, '-d', dest, '--no-theme', '--explain'], {
        out: (s) => {
          out += s;
        },
        err: (s) => {
          err += s;
        },
        isTTY: false,
        env: {},
      });
      return { code, out: out.replace(/in \d+\.\d\ds/, 'in Ns'), err };
    };
    const cold = await runCli();
    const warm = await runCli();
    expect(warm.code).toBe(cold.code);
    expect(warm.out).toBe(cold.out);
    expect(warm.err).toContain(
      'nothing changed since the last build: its result was reused\nrender cache: 2 of 2 pages reused, 0 rendered\n',
    );
    // The diagnostics reported are the same.
    const report = (err: string) =>
      err.replace(/^(render cache|rendered|nothing changed|the last build).*\n/gm, '');
    expect(report(warm.err)).toBe(report(cold.err));
    writeFiles(src, { 'style.css': 'body { margin: 1px; }\n' });
    await settle();
    const edited = await build({ source: src, destination: dest, theme: false, cache: true });
    expect(edited.cache?.lastBuild).toEqual({ replayed: false, reason: 'style.css changed' });
  });
});
