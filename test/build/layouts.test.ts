import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildFixture,
  buildInvalid,
  diagnosticLines,
  expectDiagnostics,
  expectGolden,
  type FixtureBuild,
  readOut,
} from './helpers.js';

describe('layouts', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('layouts');
  });

  it('a missing layout is only a warning at the layout key', () => {
    expect(diagnosticLines(built.result.diagnostics)).toEqual([
      'ghost.html:3 warning frontmatter/unknown-layout layout "nowhere" does not exist',
    ]);
    expect(built.result.written).toBe(true);
  });

  it('matches the golden output', () => {
    expectGolden('layouts', built.dest);
  });

  it('chains page -> post -> default with {{ content }} at each level', () => {
    const html = readOut(built.dest, 'chained.html');
    expect(html).toContain('<body data-tone=');
    expect(html).toContain('<article class="article');
    expect(html).toContain('<p>Chained</p>\n</article>\n</body></html>\n');
  });

  it("layout.* is the layout's front matter; a child layout's values win over its parent's (Jekyll merges them)", () => {
    expect(readOut(built.dest, 'chained.html')).toBe(
      '<html><title>Chained - Fixture</title><body data-tone="child" data-kind="article">' +
        '<article class="article child"><p>Chained</p>\n</article>\n</body></html>\n',
    );
  });

  it('a Markdown page is converted before its layout is applied', () => {
    expect(readOut(built.dest, 'direct.html')).toMatch(
      /^<html><title>Direct - Fixture<\/title><body data-tone="parent" data-kind=""><p>Body <em>text<\/em>.<\/p>\n?<\/body><\/html>\n$/,
    );
  });

  it('a missing layout writes the content without it; layout: null means none', () => {
    expect(readOut(built.dest, 'ghost.html')).toBe('<p>kept without a layout</p>\n');
    expect(readOut(built.dest, 'bare.html')).toBe('no layout here\n');
  });
});

describe('layout cycle', () => {
  it('is an error naming the chain; the page is not written, others render', async () => {
    const { result } = await buildInvalid('layout-cycle');
    expectDiagnostics('layout-cycle', result.diagnostics);
    expect(result.pages.find((p) => p.path === 'page.html')?.html).toBeNull();
    expect(result.pages.find((p) => p.path === 'fine.html')?.html).toBe('fine\n');
    expect(result.written).toBe(false);
  });
});
