import { describe, expect, it } from 'vitest';
import { buildFixture, expectGolden, listTree } from './helpers.js';

describe('static files', () => {
  it('copies files without front matter byte for byte; renders those with it', async () => {
    const { result, dest } = await buildFixture('static-files');
    expect(result.diagnostics).toEqual([]);
    expectGolden('static-files', dest);
  });

  it('skips _, ., #, ~ names and lists static files in site.static_files', async () => {
    const { result, dest } = await buildFixture('static-files');
    expect(listTree(dest)).toEqual(['img/logo.png', 'list.html', 'notes.txt', 'style.css']);
    expect(result.staticFiles).toEqual([
      { path: 'img/logo.png', outputPath: 'img/logo.png' },
      { path: 'notes.txt', outputPath: 'notes.txt' },
    ]);
  });
});
