import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree } from '../build/helpers.js';
import {
  buildWs,
  errorsAt,
  expectNoCanary,
  expectUntouched,
  snapshotHashes,
  workspace,
} from './workspace.js';

describe('containment: includes cannot leave their folder', () => {
  it('../, absolute, variable and include_relative ../ paths are errors at the tag; nothing leaks', async () => {
    const ws = snapshotHashes(workspace('containment'));
    const result = await buildWs(ws, { writeOnError: true });
    expect(errorsAt(result.diagnostics)).toEqual([
      'guide/relative-up.md:3:1 liquid/include-outside',
      'include-absolute.md:3:1 liquid/include-outside',
      'include-up.md:6:1 liquid/include-outside',
      'include-variable.md:5:3 liquid/include-outside',
    ]);
    expect(result.pages.filter((p) => p.html !== null).map((p) => p.path)).toEqual(['ok.md']);
    expectNoCanary(result, ws.dest);
    expectUntouched(ws);
  });
});

describe('containment: symbolic links', () => {
  it('links out of the source are refused with one message whether or not the target exists', async () => {
    const ws = workspace(null, {
      '_config.yml': 'title: links\n',
      'index.md': '---\n---\n{% include evil.html %} {% include_relative leak.txt %}\n',
      '_includes/ok.html': 'ok\n',
    });
    const link = (name: string, target: string) => fs.symlinkSync(target, path.join(ws.site, name));
    link('leak.txt', path.join(ws.canary, 'secret.txt'));
    link('ghost.txt', path.join(ws.canary, 'no-such-file.txt'));
    link('leak-dir', path.join(ws.canary, 'deep'));
    link('ghost-dir', path.join(ws.canary, 'no-such-dir'));
    link('_includes/evil.html', path.join(ws.canary, '_includes', 'evil.html'));
    link('relative-leak.md', '../canary/index.md');
    snapshotHashes(ws);
    const result = await buildWs(ws, { writeOnError: true });
    const outside = result.diagnostics.filter((d) => d.ruleId === 'read/symlink-outside');
    expect(outside.map((d) => d.file).sort()).toEqual([
      'evil.html',
      'ghost-dir',
      'ghost.txt',
      'leak-dir',
      'leak.txt',
      'relative-leak.md',
    ]);
    // The same words for a target that exists and one that does not: no probing through links.
    expect(new Set(outside.map((d) => d.message)).size).toBe(1);
    expect(outside[0].message).not.toMatch(/exist|ENOENT|not found/i);
    expect(errorsAt(result.diagnostics)).toEqual(['index.md:3:1 liquid/include-missing']);
    expectNoCanary(result, ws.dest);
    expect(listTree(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });

  it('symbolic link loops end the walk', async () => {
    const ws = workspace(null, {
      '_config.yml': 'title: loops\n',
      'index.md': '---\n---\nhome\n',
      'sub/page.md': '---\n---\nsub page\n',
    });
    fs.symlinkSync('.', path.join(ws.site, 'self'));
    fs.symlinkSync('..', path.join(ws.site, 'sub', 'up'));
    fs.symlinkSync('loop-b', path.join(ws.site, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(ws.site, 'loop-b'));
    snapshotHashes(ws);
    const started = Date.now();
    const result = await buildWs(ws);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(errorsAt(result.diagnostics)).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'loop-a read/symlink-outside',
      'loop-b read/symlink-outside',
    ]);
    expect(listTree(ws.dest)).toEqual(['index.html', 'sub/page.html']);
    expectUntouched(ws);
  });
});
