import { describe, expect, it } from 'vitest';
import { resolveTocUrl } from '../../src/nav/resolve-toc-url.js';

const pages = new Set(['/guides/v2.0/cloud/a.html', '/guides/v2.0/cloud/', '/guides/v2.0/b.html']);

describe('resolveTocUrl', () => {
  it('joins the version base as {{ page.baseurl }}{{ url }} did', () => {
    expect(resolveTocUrl('/cloud/a.html', '/guides/v2.0', pages)).toEqual({
      url: '/guides/v2.0/cloud/a.html',
      external: false,
      found: true,
    });
  });
  it('index.html and extensionless URLs match the page the server would serve', () => {
    expect(resolveTocUrl('/cloud/index.html', '/guides/v2.0', pages).url).toBe('/guides/v2.0/cloud/');
    expect(resolveTocUrl('/b', '/guides/v2.0', pages).url).toBe('/guides/v2.0/b.html');
  });
  it('keeps a fragment and reports a URL no page produces', () => {
    expect(resolveTocUrl('/b.html#x', '/guides/v2.0', pages)).toMatchObject({
      url: '/guides/v2.0/b.html#x',
      found: true,
    });
    expect(resolveTocUrl('/c.html', '/guides/v2.0', pages)).toMatchObject({ found: false });
  });
  it('URLs with a scheme or // are external', () => {
    expect(resolveTocUrl('https://x.test/', '/guides/v2.0', pages)).toMatchObject({
      external: true,
      found: true,
    });
    expect(resolveTocUrl('//x.test/', '', pages)).toMatchObject({ external: true });
  });
});
