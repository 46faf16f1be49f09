import { describe, expect, it } from 'vitest';
import { pageVersion, siteVersions } from '../../src/nav/page-version.js';

const versions = siteVersions({
  versions: [{ name: '2.0', url: '/guides/v2.0/' }, { name: 2.1, url: '/guides/v2.1/' }, { name: 'broken' }],
});

describe('pageVersion', () => {
  it('reads the declared versions leniently (numbers become strings, entries without url are skipped)', () => {
    expect(versions).toEqual([
      { name: '2.0', base: '/guides/v2.0' },
      { name: '2.1', base: '/guides/v2.1' },
    ]);
  });
  it("the page's own guide_version wins", () => {
    expect(pageVersion({ guide_version: '9' }, ['guide_version'], '/guides/v2.0/a.html', versions)).toBe('9');
  });
  it('then the version whose url holds the page, over a guide_version from defaults', () => {
    expect(pageVersion({ guide_version: '2.2' }, [], '/guides/v2.1/a.html', versions)).toBe('2.1');
  });
  it('then a guide_version from defaults, else none', () => {
    expect(pageVersion({ guide_version: 2.2 }, [], '/other/a.html', versions)).toBe('2.2');
    expect(pageVersion({}, [], '/other/a.html', versions)).toBeNull();
  });
});
