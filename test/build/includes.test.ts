import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, expectGolden, type FixtureBuild, readOut } from './helpers.js';

describe('includes', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('includes');
  });

  it('builds cleanly', () => {
    expect(built.result.diagnostics).toEqual([]);
  });

  it('matches the golden output', () => {
    expectGolden('includes', built.dest);
  });

  it('passes parameters as include.*: quoted strings, variables, and none', () => {
    expect(readOut(built.dest, 'params.html')).toBe(
      '<div class="note note-tip">Use the CLI.</div>\n' +
        '<div class="note note-warning">single quoted</div>\n' +
        '<div class="note note-"></div>\n',
    );
  });

  it('keeps backslashes in quoted parameters as Jekyll does, undoing only an escaped quote of the same kind', () => {
    expect(readOut(built.dest, 'escapes.html')).toBe(
      '<div class="note note-tip">a \\-\\- b, "quoted", it\\\'s</div>\n' +
        '<div class="note note-tip">c \\-\\- d, \'quoted\', \\"kept\\"</div>\n',
    );
  });

  it('nested includes see their own parameters', () => {
    expect(readOut(built.dest, 'nested.html')).toBe('<section><b>deep</b></section>\n');
  });

  it('resolves a dynamic include path {% include {{ page.snippet }} %}', () => {
    expect(readOut(built.dest, 'dynamic.html')).toBe('snippet for Dynamic\n');
  });

  it('include_relative reads a file relative to the including page', () => {
    expect(readOut(built.dest, 'guides/relative.html')).toBe('part says Relative\n');
  });
});
