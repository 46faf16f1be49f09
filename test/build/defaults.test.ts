import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, expectGolden, type FixtureBuild, readOut } from './helpers.js';

// Jekyll's FrontmatterDefaults#all: sets apply in order; a set with a longer scope path (or, at equal
// length, one with a `type`) takes precedence, others only fill gaps; front matter beats defaults and
// is deep-merged with them in `page` (Convertible#to_liquid).
describe('defaults', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('defaults');
  });

  it('builds cleanly', () => {
    expect(built.result.diagnostics).toEqual([]);
  });

  it('matches the golden output', () => {
    expectGolden('defaults', built.dest);
  });

  it('later entries win at equal scope; a type-scoped entry beats a path-only one', () => {
    expect(readOut(built.dest, 'root.html')).toBe('color=typed size=large kind=typed-page shelf=\n');
  });

  it('a more specific path wins; less specific later entries only fill gaps', () => {
    expect(readOut(built.dest, 'guides/intro.html')).toBe('color=guide size=small shelf=guides-shelf\n');
  });

  it('the most specific path wins even when listed first; glob scopes match', () => {
    expect(readOut(built.dest, 'guides/deep/tips.html')).toBe('color=deep shelf=guides-shelf glob=matched\n');
  });

  it('front matter beats defaults', () => {
    expect(readOut(built.dest, 'guides/own.html')).toMatch(/^color=own /);
  });

  it('a mapping in front matter is deep-merged with the defaults mapping', () => {
    expect(readOut(built.dest, 'guides/own.html')).toBe('color=own owner=docs-team level=expert\n');
  });
});
