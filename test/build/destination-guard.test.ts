import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { copySite, fixtureSite, hashTree, listTree } from './helpers.js';

async function refused(source: string, destination: string, watched: string) {
  const before = hashTree(watched);
  const result = await build({ source, destination, theme: false, check: false });
  expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
    ['output/unsafe-destination', 'error'],
  ]);
  expect(result.written).toBe(false);
  expect(hashTree(watched)).toBe(before);
}

describe('destination guard', () => {
  it('refuses the source folder itself; nothing is written or deleted', async () => {
    const source = copySite(fixtureSite('basic'), 'docs');
    await refused(source, source, source);
  });

  it("refuses the source's parent folder", async () => {
    const source = copySite(fixtureSite('basic'), 'docs');
    await refused(source, path.dirname(source), path.dirname(source));
  });

  it('refuses a symbolic link to the source', async () => {
    const source = copySite(fixtureSite('basic'), 'docs');
    const link = path.join(path.dirname(source), 'out-link');
    fs.symlinkSync(source, link, 'dir');
    await refused(source, link, path.dirname(source));
  });

  it('refuses a destination given relative to cwd that resolves to the source', async () => {
    const source = copySite(fixtureSite('basic'), 'docs');
    const before = hashTree(source);
    const result = await build({
      source: 'docs',
      destination: './docs/',
      cwd: path.dirname(source),
      theme: false,
    });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['output/unsafe-destination']);
    expect(hashTree(source)).toBe(before);
  });

  it('allows a sibling whose name starts like the source (docs-site beside docs)', async () => {
    const source = copySite(fixtureSite('basic'), 'docs');
    const before = hashTree(source);
    const dest = path.join(path.dirname(source), 'docs-site');
    const result = await build({ source, destination: dest, theme: false, check: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toBe(true);
    expect(listTree(dest)).toEqual(['guide.html', 'index.html', 'style.css']);
    expect(hashTree(source)).toBe(before);
  });
});
