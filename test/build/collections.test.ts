import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, expectGolden, type FixtureBuild, listTree } from './helpers.js';

describe('collections', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('collections');
  });

  it('builds cleanly', () => {
    expect(built.result.diagnostics).toEqual([]);
  });

  it('matches the golden output (permalink /g/:path/, site.guides, type-scoped defaults)', () => {
    expectGolden('collections', built.dest);
  });

  it('writes output: true documents at their permalink and nothing for output: false', () => {
    expect(listTree(built.dest)).toEqual(['g/a/index.html', 'g/sub/b/index.html', 'index.html']);
    expect(fs.existsSync(path.join(built.dest, 'snippets'))).toBe(false);
  });
});
