import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { hashTree, tempDir, writeFiles } from './helpers.js';

/** Inode numbers of the output files, by path: a file kept from the last build keeps its inode. */
const inodes = (dest: string, files: readonly string[]) =>
  Object.fromEntries(files.map((f) => [f, fs.statSync(path.join(dest, f)).ino]));

describe('writing a site over an earlier build of it', () => {
  it('keeps unchanged files (same inode), writes changed ones, and the bytes equal a fresh build', async () => {
    const site = path.join(tempDir(), 'site');
    writeFiles(site, {
      '_config.yml': 'title: Unchanged output\nkeep_files: [kept.html]\n',
      'one.md': '---\ntitle: One\n---\nFirst page.\n',
      'two.md': '---\ntitle: Two\n---\nSecond page.\n',
      'kept.md': '---\ntitle: Kept\n---\nA page whose output path is also in keep_files.\n',
    });
    const dest = path.join(tempDir(), '_site');
    const options = { source: site, destination: dest, theme: false as const };
    expect((await build(options)).written).toBe(true);
    const before = inodes(dest, ['one.html', 'two.html', 'kept.html']);
    fs.writeFileSync(path.join(site, 'two.md'), '---\ntitle: Two\n---\nSecond page, edited.\n');
    expect((await build(options)).written).toBe(true);
    const after = inodes(dest, ['one.html', 'two.html', 'kept.html']);
    expect(after['one.html']).toBe(before['one.html']);
    expect(after['two.html']).not.toBe(before['two.html']);
    // A keep_files path is copied over the new site after it is staged: never linked, never emptied.
    expect(fs.readFileSync(path.join(dest, 'kept.html'), 'utf8')).toContain('also in keep_files');
    const fresh = path.join(tempDir(), '_site');
    await build({ ...options, destination: fresh });
    expect(hashTree(dest)).toBe(hashTree(fresh));
  });

  it('a file edited by hand in the destination is written again, not kept', async () => {
    const site = path.join(tempDir(), 'site');
    writeFiles(site, { '_config.yml': 'title: t\n', 'one.md': '---\ntitle: One\n---\nFirst page.\n' });
    const dest = path.join(tempDir(), '_site');
    const options = { source: site, destination: dest, theme: false as const };
    await build(options);
    const built = fs.readFileSync(path.join(dest, 'one.html'), 'utf8');
    // Same length, other bytes: only a comparison of the bytes can tell.
    fs.writeFileSync(path.join(dest, 'one.html'), built.replace('First', 'Fjrst'));
    await build(options);
    expect(fs.readFileSync(path.join(dest, 'one.html'), 'utf8')).toBe(built);
  });
});
