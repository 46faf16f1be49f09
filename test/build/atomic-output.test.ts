import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, copySite, fixtureSite, hashTree, listTree, tempDir, writeFiles } from './helpers.js';

/** A destination holding the output of an earlier build, plus a marker file. */
function existingDestination(): string {
  const dest = path.join(tempDir(), '_site');
  writeFiles(dest, {
    'index.html': 'the last good site\n',
    'marker.txt': 'from an earlier build\n',
    CNAME: 'docs.example.com\n',
  });
  return dest;
}

const staging = (dest: string) =>
  fs.readdirSync(path.dirname(dest)).filter((n) => n.startsWith(`.${path.basename(dest)}.galley-`));

describe('atomic output', () => {
  it('a build with an error leaves the destination byte-identical and no staging folders', async () => {
    const source = copySite(fixtureSite('basic'));
    writeFiles(source, { 'broken.html': '---\n---\n{% include missing.html %}\n' });
    const dest = existingDestination();
    const before = hashTree(dest);
    const { result } = await buildSite(source, { destination: dest });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['liquid/include-missing']);
    expect(result.written).toBe(false);
    expect(hashTree(dest)).toBe(before);
    expect(staging(dest)).toEqual([]);
  });

  it('a good build replaces the destination; keep_files (CNAME) survive', async () => {
    const dest = existingDestination();
    const { result } = await buildSite(fixtureSite('basic'), { destination: dest });
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toBe(true);
    expect(listTree(dest)).toEqual(['CNAME', 'guide.html', 'index.html', 'style.css']);
    expect(fs.readFileSync(path.join(dest, 'CNAME'), 'utf8')).toBe('docs.example.com\n');
    expect(fs.readFileSync(path.join(dest, 'index.html'), 'utf8')).toBe('<h1>Basic site</h1>\n');
    expect(staging(dest)).toEqual([]);
  });

  it('removes a stale staging folder left by a killed build', async () => {
    const dest = existingDestination();
    const stale = path.join(path.dirname(dest), `.${path.basename(dest)}.galley-tmp-99999999-abcd`);
    writeFiles(stale, { 'half.html': 'half written\n' });
    const { result } = await buildSite(fixtureSite('basic'), { destination: dest });
    expect(result.written).toBe(true);
    expect(fs.existsSync(stale)).toBe(false);
    expect(staging(dest)).toEqual([]);
  });

  it('writes into a destination that does not exist yet, creating parents', async () => {
    const dest = path.join(tempDir(), 'deep', 'er', '_site');
    const { result } = await buildSite(fixtureSite('basic'), { destination: dest });
    expect(result.written).toBe(true);
    expect(listTree(dest)).toEqual(['guide.html', 'index.html', 'style.css']);
  });

  it('write: false renders without touching the disk', async () => {
    const dest = existingDestination();
    const before = hashTree(dest);
    const { result } = await buildSite(fixtureSite('basic'), { destination: dest, write: false });
    expect(result.written).toBe(false);
    expect(result.pages.find((p) => p.path === 'index.html')?.html).toBe('<h1>Basic site</h1>\n');
    expect(hashTree(dest)).toBe(before);
  });
});

describe('determinism', () => {
  it('building the same fixture twice gives byte-identical trees', async () => {
    for (const name of ['pages', 'liquid', 'redirects', 'collections']) {
      const a = await buildSite(fixtureSite(name));
      const b = await buildSite(fixtureSite(name));
      expect(listTree(a.dest).length, name).toBeGreaterThan(0);
      expect(hashTree(b.dest), name).toBe(hashTree(a.dest));
    }
  });
});
