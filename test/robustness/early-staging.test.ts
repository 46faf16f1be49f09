import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteStaging, writeSite } from '../../src/write/write-site.js';
import { listTree } from '../build/helpers.js';
import {
  buildWs,
  expectUntouched,
  snapshotHashes,
  stagingLeftovers,
  workspace,
  writeAll,
} from './workspace.js';

const read = (dest: string, rel: string) => fs.readFileSync(path.join(dest, rel), 'utf8');

describe('pages written while the others render (SiteStaging)', () => {
  it('the site holds exactly the final files: changed, dropped and twice-claimed pages are put right', async () => {
    const ws = snapshotHashes(workspace(null, {}));
    writeAll(ws.dest, { 'same.html': 'kept\n', 'changed.html': 'old\n' });
    // A second name for the current site's file: writing through a staged link would show here.
    fs.linkSync(path.join(ws.dest, 'changed.html'), path.join(ws.root, 'witness'));
    const staging = new SiteStaging(ws.dest, []);
    staging.add('same.html', 'kept\n');
    staging.add('changed.html', 'old\n'); // the same bytes as the current file: linked to it
    staging.add('dropped.html', 'not in the final list\n');
    staging.add('twice.html', 'the second claim, rendered first\n');
    staging.add('twice.html', 'the first claim\n');
    staging.add('deep/a/b.html', 'nested\n');
    await writeSite(
      ws.dest,
      [
        { outputPath: 'same.html', content: 'kept\n' },
        { outputPath: 'changed.html', content: 'new\n' },
        { outputPath: 'twice.html', content: 'the first claim\n' },
        { outputPath: 'deep/a/b.html', content: 'nested\n' },
        { outputPath: 'late.html', content: 'not staged\n' },
      ],
      [],
      staging,
    );
    expect(listTree(ws.dest)).toEqual([
      'changed.html',
      'deep/a/b.html',
      'late.html',
      'same.html',
      'twice.html',
    ]);
    expect(read(ws.dest, 'changed.html')).toBe('new\n');
    expect(read(ws.dest, 'twice.html')).toBe('the first claim\n');
    expect(read(ws.dest, 'late.html')).toBe('not staged\n');
    expect(fs.readFileSync(path.join(ws.root, 'witness'), 'utf8')).toBe('old\n');
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });

  it('discarded: the folder goes and the current site is untouched', async () => {
    const ws = snapshotHashes(workspace(null, {}));
    writeAll(ws.dest, { 'index.html': 'current\n' });
    const staging = new SiteStaging(ws.dest, []);
    for (let i = 0; i < 100; i++) staging.add(`p/${i}.html`, `page ${i}\n`);
    expect(stagingLeftovers(ws.dest)).toHaveLength(1);
    await staging.discard();
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expect(listTree(ws.dest)).toEqual(['index.html']);
    expect(read(ws.dest, 'index.html')).toBe('current\n');
    expectUntouched(ws);
  });

  it('a write that fails while staging fails writeSite, leaving the current site and no folder', async () => {
    const ws = snapshotHashes(workspace(null, {}));
    writeAll(ws.dest, { 'index.html': 'current\n' });
    const staging = new SiteStaging(ws.dest, []);
    staging.add('a.html', 'a file\n');
    staging.add('a.html/b.html', 'under a file\n');
    await expect(
      writeSite(
        ws.dest,
        [
          { outputPath: 'a.html', content: 'a file\n' },
          { outputPath: 'a.html/b.html', content: 'under a file\n' },
        ],
        [],
        staging,
      ),
    ).rejects.toThrow(/ENOTDIR|EEXIST|EISDIR/);
    expect(listTree(ws.dest)).toEqual(['index.html']);
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });

  it('a build whose page fails writes nothing, and its early pages are removed', async () => {
    const pages: Record<string, string> = { '_config.yml': 'title: t\n' };
    for (let i = 0; i < 30; i++) pages[`p${i}.md`] = `---\ntitle: P${i}\n---\nPage ${i}.\n`;
    pages['p29.md'] = '---\ntitle: Bad\n---\n{% if %}\n';
    const ws = snapshotHashes(workspace(null, pages));
    writeAll(ws.dest, { 'index.html': 'current\n' });
    const result = await buildWs(ws);
    expect(result.written).toBe(false);
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(listTree(ws.dest)).toEqual(['index.html']);
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });
});
