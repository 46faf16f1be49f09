import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { redirectHtml } from '../../src/generate/redirects.js';
import { buildFixture, expectGolden, FIXTURES, type FixtureBuild, readOut } from './helpers.js';

// jekyll-redirect-from: a page per redirect_from entry, redirect_to replaces the page, and
// redirects.json maps each `from` path (as written, without baseurl) to the absolute target.
describe('redirects', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('redirects');
  });

  it('builds cleanly', () => {
    expect(built.result.diagnostics).toEqual([]);
  });

  it('writes redirect_from pages (file and folder forms) with the exact jekyll-redirect-from HTML', () => {
    const expected = fs.readFileSync(path.join(FIXTURES, 'redirects', 'expected', 'old.html'), 'utf8');
    expect(redirectHtml('https://docs.example.com/guide/new.html')).toBe(expected);
    expect(readOut(built.dest, 'old.html')).toBe(expected);
    expect(readOut(built.dest, 'older/index.html')).toBe(expected);
    expect(readOut(built.dest, 'new.html')).toBe('the new page\n');
  });

  it('redirect_to with a relative path points at the absolute URL (site.url + baseurl)', () => {
    expect(readOut(built.dest, 'moved.html')).toBe(redirectHtml('https://docs.example.com/guide/new.html'));
  });

  it('redirect_to keeps a query string intact, so the script redirect goes to the same URL', () => {
    expect(readOut(built.dest, 'away.html')).toContain(
      '<script>location="https://elsewhere.example.org/x?a=1&b=2"</script>',
    );
  });

  it('matches the golden output', () => {
    expectGolden('redirects', built.dest);
  });

  it('writes redirects.json as jekyll-redirect-from does', () => {
    expect(JSON.parse(readOut(built.dest, 'redirects.json'))).toEqual({
      '/old.html': 'https://docs.example.com/guide/new.html',
      '/older/': 'https://docs.example.com/guide/new.html',
      '/away.html': 'https://elsewhere.example.org/x?a=1&b=2',
      '/moved.html': 'https://docs.example.com/guide/new.html',
    });
  });

  it('lists the redirect_from pages in the result', () => {
    expect(built.result.redirects.map((r) => [r.from, r.outputPath, r.sourcePath])).toEqual([
      ['/old.html', 'old.html', 'new.html'],
      ['/older/', 'older/index.html', 'new.html'],
    ]);
  });
});
