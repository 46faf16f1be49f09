/**
 * Faults that need real processes: builds under other time zones and locales, two builds racing for
 * one destination, and a build killed with SIGKILL while it writes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSite } from '../../src/write/write-site.js';
import { hashTree, listTree } from '../build/helpers.js';
import {
  buildWs,
  expectUntouched,
  galleyProcess,
  hashSource,
  runGalley,
  snapshotHashes,
  stagingLeftovers,
  waitFor,
  workspace,
  writeAll,
} from './workspace.js';

/** sha256 of every output file, by path. */
function fileHashes(root: string): Record<string, string> {
  return Object.fromEntries(
    listTree(root).map((rel) => [
      rel,
      createHash('sha256')
        .update(fs.readFileSync(path.join(root, rel)))
        .digest('hex'),
    ]),
  );
}

/** A site of `n` pages plus `n` static files of 4 KB, so that writing it takes a while. */
function manyFiles(n: number, label: string): Record<string, string> {
  const files: Record<string, string> = { '_config.yml': `title: ${label}\n` };
  const blob = `${label} `.repeat(4096 / (label.length + 1));
  for (let i = 0; i < n; i++) {
    files[`p/page-${i}.md`] = `---\ntitle: ${label} ${i}\n---\n# {{ page.title }}\n`;
    files[`s/file-${i}.txt`] = blob;
  }
  return files;
}

describe('determinism', () => {
  it('the same site built twice, under other TZ and locales, gives byte-identical files', async () => {
    const ws = snapshotHashes(workspace('determinism'));
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const runs = [
      { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
      { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
      { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    ];
    const dests = runs.map((_, i) => path.join(ws.root, `out-${i}`));
    const results = await Promise.all(
      runs.map((r, i) =>
        runGalley(['build', '-s', ws.site, '-d', dests[i], '--no-theme', '-q'], { ...env, ...r }),
      ),
    );
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    const first = fileHashes(dests[0]);
    expect(Object.keys(first)).toEqual([
      'guide/istanbul.html',
      'guide/zurich.html',
      'index.html',
      'style.css',
    ]);
    for (const d of dests.slice(1)) expect(fileHashes(d)).toEqual(first);
    expectUntouched(ws);
  }, 60_000);
});

describe('concurrency', () => {
  it('two galley build processes on one destination: the last writer wins whole, nothing left over', async () => {
    const ws = workspace(null, {});
    const siteA = path.join(ws.root, 'a');
    const siteB = path.join(ws.root, 'b');
    writeAll(siteA, manyFiles(300, 'alpha'));
    writeAll(siteB, manyFiles(300, 'bravo'));
    // Reference outputs, built alone.
    const refA = await buildWs(ws, { source: siteA, destination: path.join(ws.root, 'ref-a') });
    const refB = await buildWs(ws, { source: siteB, destination: path.join(ws.root, 'ref-b') });
    expect(refA.written && refB.written).toBe(true);
    const hashA = hashTree(path.join(ws.root, 'ref-a'));
    const hashB = hashTree(path.join(ws.root, 'ref-b'));
    snapshotHashes(ws);
    const sources = [hashSource(siteA), hashSource(siteB)];
    for (let round = 0; round < 2; round++) {
      const [a, b] = await Promise.all([
        runGalley(['build', '-s', siteA, '-d', ws.dest, '--no-theme', '-q']),
        runGalley(['build', '-s', siteB, '-d', ws.dest, '--no-theme', '-q']),
      ]);
      expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
      expect([hashA, hashB]).toContain(hashTree(ws.dest));
      expect(stagingLeftovers(ws.dest)).toEqual([]);
    }
    expect([hashSource(siteA), hashSource(siteB)]).toEqual(sources);
    expectUntouched(ws);
  }, 90_000);
});

describe('concurrency inside one process', () => {
  const files = (label: string) =>
    Array.from({ length: 400 }, (_, i) => ({
      outputPath: `d${i % 7}/f${i}.html`,
      content: `${label} ${i}\n`,
    }));

  it('two writes of one destination at once take turns; the last one wins whole', async () => {
    const ws = snapshotHashes(workspace(null, {}));
    for (let round = 0; round < 3; round++) {
      await Promise.all([writeSite(ws.dest, files('alpha'), []), writeSite(ws.dest, files('bravo'), [])]);
      const texts = new Set(
        listTree(ws.dest).map((f) => fs.readFileSync(path.join(ws.dest, f), 'utf8').split(' ')[0]),
      );
      expect(texts.size).toBe(1);
      expect(listTree(ws.dest)).toHaveLength(400);
      expect(stagingLeftovers(ws.dest)).toEqual([]);
    }
    expectUntouched(ws);
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const ws = snapshotHashes(workspace(null, {}));
    const lock = path.join(ws.root, '._site.galley-lock');
    fs.writeFileSync(lock, '99999999\n');
    await writeSite(ws.dest, files('alpha'), []);
    expect(listTree(ws.dest)).toHaveLength(400);
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });
});

describe('SIGKILL mid-write', () => {
  it('leaves the previous site byte-identical; the next build removes the temporary folder', async () => {
    const ws = workspace(null, manyFiles(2500, 'new'));
    // The previous site: an earlier version of the same source.
    const old = path.join(ws.root, 'old-source');
    writeAll(old, manyFiles(50, 'old'));
    expect((await buildWs(ws, { source: old })).written).toBe(true);
    writeAll(ws.dest, { '.git/HEAD': 'ref: refs/heads/gh-pages\n' });
    const previous = hashTree(ws.dest);
    snapshotHashes(ws);

    const child = galleyProcess(['build', '-s', ws.site, '-d', ws.dest, '--no-theme', '-q']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const tmpDir = () => stagingLeftovers(ws.dest).find((n) => n.includes('.galley-tmp-'));
    const staging = await waitFor(() => {
      const t = tmpDir();
      return t !== undefined && fs.readdirSync(path.join(ws.root, t)).length > 0;
    }, 60_000);
    child.kill('SIGKILL');
    await exited;
    expect(staging, 'the build never reached its write phase').toBe(true);
    expect(hashTree(ws.dest)).toBe(previous);
    expect(stagingLeftovers(ws.dest).length).toBeGreaterThan(0);

    const next = await buildWs(ws);
    expect(next.written).toBe(true);
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expect(listTree(ws.dest)).toContain('.git/HEAD');
    expect(listTree(ws.dest)).toHaveLength(5001);
    expectUntouched(ws);
  }, 90_000);

  it('a build killed between its two renames: the next build puts the previous site back first', async () => {
    const ws = workspace(null, { 'index.md': '---\n---\nnew\n' });
    // What a kill right after `rename(destination, old)` leaves: no destination, the old site aside.
    const aside = path.join(ws.root, '._site.galley-old-99999999-abcd');
    writeAll(aside, { 'index.html': 'old\n', '.git/HEAD': 'ref: refs/heads/gh-pages\n' });
    snapshotHashes(ws);
    const result = await buildWs(ws);
    expect(result.written).toBe(true);
    expect(listTree(ws.dest)).toEqual(['.git/HEAD', 'index.html']);
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });
});
