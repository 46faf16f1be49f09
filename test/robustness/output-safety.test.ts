import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, listTree } from '../build/helpers.js';
import {
  buildWs,
  errorsAt,
  expectUntouched,
  snapshotHashes,
  stagingLeftovers,
  type Workspace,
  workspace,
  writeAll,
} from './workspace.js';

const SMALL_SITE = { '_config.yml': 'title: t\n', 'index.md': '---\n---\n# Home\n' };

/** Builds into `destination` and asserts the refusal came before anything was read or written. */
async function expectRefused(ws: Workspace, destination: string, watched: string[]) {
  const before = watched.map((w) => hashTree(w));
  const result = await buildWs(ws, { destination });
  expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
    ['output/unsafe-destination', 'error'],
  ]);
  expect(path.resolve(result.diagnostics[0].file)).toBe(path.join(ws.site, '_config.yml'));
  expect(result.written).toBe(false);
  expect(result.pages).toEqual([]);
  expect(watched.map((w) => hashTree(w))).toEqual(before);
  expect(stagingLeftovers(destination)).toEqual([]);
  expectUntouched(ws);
}

describe('output safety: dangerous destinations are refused before any file is touched', () => {
  const home = process.env.HOME;
  afterEach(() => {
    process.env.HOME = home;
  });

  it('the source itself', async () => {
    const ws = snapshotHashes(workspace(null, SMALL_SITE));
    await expectRefused(ws, ws.site, [ws.root]);
  });

  it("the source's parent", async () => {
    const ws = snapshotHashes(workspace(null, SMALL_SITE));
    await expectRefused(ws, ws.root, [ws.root]);
  });

  it('the file-system root', async () => {
    const ws = snapshotHashes(workspace(null, SMALL_SITE));
    await expectRefused(ws, '/', [ws.root]);
  });

  it('the home folder', async () => {
    const ws = snapshotHashes(workspace(null, SMALL_SITE));
    process.env.HOME = ws.canary;
    await expectRefused(ws, ws.canary, [ws.root]);
  });

  it('each of them through a symbolic link', async () => {
    const ws = workspace(null, SMALL_SITE);
    const links = path.join(ws.root, 'links');
    fs.mkdirSync(links);
    const targets = { 'to-source': ws.site, 'to-parent': ws.root, 'to-root': '/', 'to-home': ws.canary };
    for (const [name, target] of Object.entries(targets)) fs.symlinkSync(target, path.join(links, name));
    snapshotHashes(ws);
    process.env.HOME = ws.canary;
    for (const name of Object.keys(targets)) await expectRefused(ws, path.join(links, name), [ws.root]);
    // A destination below a link to the parent is still the parent's subtree, but not the source: fine.
  });

  it('allows a sibling named like a prefix (docs-src -> docs, and docs -> docs-src)', async () => {
    const ws = workspace(null, {});
    const docs = path.join(ws.root, 'docs');
    const docsSrc = path.join(ws.root, 'docs-src');
    writeAll(docsSrc, SMALL_SITE);
    writeAll(docs, SMALL_SITE);
    const srcHash = hashTree(docsSrc);
    const first = await buildWs(ws, { source: docsSrc, destination: path.join(ws.root, 'docs-out') });
    expect(first.diagnostics).toEqual([]);
    const a = await buildWs(ws, { source: docsSrc, destination: docs });
    expect(a.diagnostics).toEqual([]);
    expect(a.written).toBe(true);
    expect(listTree(docs)).toEqual(['index.html']);
    expect(hashTree(docsSrc)).toBe(srcHash);
    fs.rmSync(docs, { recursive: true });
    writeAll(docs, SMALL_SITE);
    const docsHash = hashTree(docs);
    const b = await buildWs(ws, { source: docs, destination: docsSrc });
    expect(b.diagnostics).toEqual([]);
    expect(b.written).toBe(true);
    expect(hashTree(docs)).toBe(docsHash);
  });
});

describe('output safety: what Galley did not write survives', () => {
  it('.git survives by default; CNAME and other keep_files survive when listed', async () => {
    const ws = workspace(null, {
      ...SMALL_SITE,
      '_config.yml': 'title: t\nkeep_files: [.git, CNAME, downloads]\n',
    });
    writeAll(ws.dest, {
      '.git/HEAD': 'ref: refs/heads/gh-pages\n',
      '.git/objects/ab/cdef': 'blob',
      CNAME: 'docs.example.com\n',
      'downloads/tool.zip': 'zip bytes',
      'stale.html': 'from an old build\n',
    });
    snapshotHashes(ws);
    const result = await buildWs(ws);
    expect(result.diagnostics).toEqual([]);
    expect(listTree(ws.dest)).toEqual([
      '.git/HEAD',
      '.git/objects/ab/cdef',
      'CNAME',
      'downloads/tool.zip',
      'index.html',
    ]);
    expect(fs.readFileSync(path.join(ws.dest, 'CNAME'), 'utf8')).toBe('docs.example.com\n');
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });

  it('with the default keep_files, .git survives', async () => {
    const ws = workspace(null, SMALL_SITE);
    writeAll(ws.dest, { '.git/HEAD': 'ref\n' });
    snapshotHashes(ws);
    const result = await buildWs(ws);
    expect(result.written).toBe(true);
    expect(listTree(ws.dest)).toEqual(['.git/HEAD', 'index.html']);
    expectUntouched(ws);
  });
});

describe('output safety: a failed build leaves the previous site', () => {
  it('an error in page 50 of 100 leaves the previous site byte-identical and no temporary folders', async () => {
    const pages: Record<string, string> = { '_config.yml': 'title: hundred\n' };
    for (let i = 1; i <= 100; i++) {
      const n = String(i).padStart(3, '0');
      pages[`page-${n}.md`] = `---\ntitle: Page ${n}\n---\n# {{ page.title }}\n\ntext\n`;
    }
    const ws = workspace(null, pages);
    const good = await buildWs(ws);
    expect(good.written).toBe(true);
    expect(listTree(ws.dest)).toHaveLength(100);
    const previous = hashTree(ws.dest);
    writeAll(ws.site, { 'page-050.md': '---\ntitle: Page 050\n---\n# ok\n\n{{ page.title | nonsense: }\n' });
    snapshotHashes(ws);
    const result = await buildWs(ws);
    expect(errorsAt(result.diagnostics)).toEqual(['page-050.md:6:1 liquid/syntax']);
    expect(result.pages.filter((p) => p.html !== null)).toHaveLength(99);
    expect(result.written).toBe(false);
    expect(hashTree(ws.dest)).toBe(previous);
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });
});

describe('output safety: permalinks cannot leave the destination', () => {
  it('.., %2e%2e, drive, UNC, file: and NUL permalinks are errors at the front matter line', async () => {
    const ws = snapshotHashes(workspace('permalinks'));
    const result = await buildWs(ws, { writeOnError: true });
    expect(errorsAt(result.diagnostics)).toEqual([
      'dotdot.md:3:1 frontmatter/permalink',
      'drive-backslash.md:2:1 frontmatter/permalink',
      'drive.md:3:1 frontmatter/permalink',
      'encoded.md:4:1 frontmatter/permalink',
      'file-url.md:2:1 frontmatter/permalink',
      'nul.md:2:1 frontmatter/permalink',
      'unc.md:2:1 frontmatter/permalink',
    ]);
    // An absolute URL path is a URL inside the site, as in Jekyll: it lands inside the destination.
    expect(listTree(ws.dest)).toEqual(['etc/passwd.html', 'ok.html']);
    expect(listTree(ws.root).filter((f) => f.includes('escape') || f.includes('passwd'))).toEqual([
      '_site/etc/passwd.html',
    ]);
    expectUntouched(ws);
  });
});
