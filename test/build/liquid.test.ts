import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, FIXTURES, type FixtureBuild, readOut } from './helpers.js';

// Jekyll renders dates in local time; pin it so the expected output holds on any machine.
process.env.TZ = 'UTC';

/** The text between `[name]` and `[/name]` for every marker in `text`. */
function sections(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/\[([\w-]+)\]([\s\S]*?)\[\/\1\]/g)) out[m[1]] = m[2];
  return out;
}

const expectedFile = (name: string) =>
  fs.readFileSync(path.join(FIXTURES, 'liquid', 'expected', name), 'utf8');

describe('Liquid tags and filters configured like Jekyll', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('liquid');
  });

  it('builds cleanly', () => {
    expect(built.result.diagnostics).toEqual([]);
  });

  describe('tags (expected/tags.html)', () => {
    const expected = sections(expectedFile('tags.html'));
    it.each(Object.keys(expected))('%s', (name) => {
      expect(sections(readOut(built.dest, 'tags.html'))[name]).toBe(expected[name]);
    });
  });

  describe('filters (expected/filters.html)', () => {
    const expected = sections(expectedFile('filters.html'));
    it.each(Object.keys(expected))('%s', (name) => {
      expect(sections(readOut(built.dest, 'filters.html'))[name]).toBe(expected[name]);
    });
  });

  it('whole pages match the golden files byte for byte', () => {
    expect(readOut(built.dest, 'tags.html')).toBe(expectedFile('tags.html'));
    expect(readOut(built.dest, 'filters.html')).toBe(expectedFile('filters.html'));
  });
});
