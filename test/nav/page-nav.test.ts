import { describe, expect, it } from 'vitest';
import { indexTree } from '../../src/nav/index-tree.js';
import { navNode } from '../../src/nav/nav-node.js';
import { markedNavOrigin, pageNav } from '../../src/nav/page-nav.js';

function tree() {
  const a = navNode('A', '/a.html', 1);
  const a1 = navNode('A1', '/a1.html', 2);
  const a1x = navNode('A1x', '/a1x.html', 3);
  const out = navNode('Out', 'https://example.com/', 2, true);
  a1.children = [a1x];
  a.children = [a1, out];
  const b = navNode('B', null, 1);
  const b1 = navNode('B1', '/b1.html', 2);
  b.children = [b1];
  const nodes = [a, b];
  const built = indexTree(
    { group: 'g', version: null, model: 'toc', nodes },
    (n) => (n.url && !n.external ? n.url : undefined),
    '/base',
  );
  return { built, a, b, a1, a1x, b1 };
}

describe('pageNav', () => {
  it('marks the page active and its ancestors open, copying only that branch', () => {
    const { built, a, b } = tree();
    const nav = pageNav(built, '/a1x.html');
    expect(nav.nav[0]).not.toBe(a);
    expect(nav.nav[0]).toMatchObject({ open: true, active: false });
    expect(nav.nav[0].children[0]).toMatchObject({ title: 'A1', open: true });
    expect(nav.nav[0].children[0].children[0]).toMatchObject({ title: 'A1x', active: true, open: false });
    // Other branches are shared, and the site tree is never changed.
    expect(nav.nav[1]).toBe(b);
    expect(nav.nav[0].children[1]).toBe(a.children[1]);
    expect(a).toMatchObject({ open: false, active: false });
  });

  it('breadcrumbs are the entries above; a heading without a page has url ""', () => {
    const { built } = tree();
    expect(pageNav(built, '/a1x.html').breadcrumbs).toEqual([
      { title: 'A', url: '/a.html' },
      { title: 'A1', url: '/a1.html' },
    ]);
    expect(pageNav(built, '/b1.html').breadcrumbs).toEqual([{ title: 'B', url: '' }]);
  });

  it('previous/next follow the reading order, skipping external links and headings', () => {
    const { built } = tree();
    expect(built.reading.map((l) => l.url)).toEqual(['/a.html', '/a1.html', '/a1x.html', '/b1.html']);
    expect(pageNav(built, '/a1x.html')).toMatchObject({
      previous: { url: '/a1.html' },
      next: { url: '/b1.html' },
    });
    expect(pageNav(built, '/a.html').previous).toBeNull();
    expect(pageNav(built, '/b1.html').next).toBeNull();
  });

  it('href is the url with the baseurl; external URLs and headings are left as they are', () => {
    const { a, b, a1x } = tree();
    expect([a.href, a1x.href, a.children[1].href, b.href]).toEqual([
      '/base/a.html',
      '/base/a1x.html',
      'https://example.com/',
      null,
    ]);
  });

  it('a page the tree does not list gets the tree unmarked', () => {
    const { built } = tree();
    const nav = pageNav(built, '/elsewhere.html');
    expect(nav.nav).toBe(built.nodes);
    expect(nav).toMatchObject({ breadcrumbs: [], previous: null, next: null });
  });

  it('a marked copy remembers the sidebar and path it was marked from; the shared tree has none', () => {
    const { built } = tree();
    const nav = pageNav(built, '/a1x.html').nav;
    expect(markedNavOrigin(nav)).toEqual({ sidebar: built.nodes, path: [0, 0, 0] });
    expect(markedNavOrigin(nav)?.sidebar).toBe(built.nodes);
    expect(markedNavOrigin(pageNav(built, '/elsewhere.html').nav)).toBeUndefined();
  });
});
