import { describe, expect, it } from 'vitest';
import { shareRepeatedStrings } from '../../src/render/worker/share-strings.js';

describe('sharing repeated strings in worker replies', () => {
  it('leaves every value equal: nested objects, arrays, numbers, booleans, nulls, long texts', () => {
    const long = 'x'.repeat(300);
    const reply = () => ({
      path: 'guides/a.md',
      links: [
        { url: '/b.html', location: { file: 'guides/a.md', line: 3, column: 5 }, literal: true },
        { url: '/b.html', location: { file: '_includes/note.md', line: 1, column: 1 }, literal: false },
      ],
      ids: ['top', 'top', null, 7],
      html: long,
      nested: [[['guides/a.md']]],
    });
    const value = reply();
    const seen = new Map<string, string>();
    shareRepeatedStrings(value, seen);
    shareRepeatedStrings(reply(), seen);
    shareRepeatedStrings(undefined, seen);
    expect(value).toEqual(reply());
    // Short texts are remembered once each; the long one is not.
    expect([...seen.keys()].sort()).toEqual(['/b.html', '_includes/note.md', 'guides/a.md', 'top'].sort());
  });
});
