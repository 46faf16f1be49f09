import { describe, expect, it } from 'vitest';
import { buildFixture, buildInvalid, expectDiagnostics, expectGolden, readOut } from './helpers.js';

describe('site plugins (_plugins/*.mjs)', () => {
  it('add a Liquid tag, a filter, a generator and a remark plugin', async () => {
    const { result, dest } = await buildFixture('plugins');
    expect(result.diagnostics).toEqual([]);
    expectGolden('plugins', dest);
    expect(readOut(dest, 'remark.html')).toContain('<p>Status: DONE.</p>');
  });

  it('a plugin that throws is reported as plugin/failed and the site is not written', async () => {
    const { result } = await buildInvalid('plugin-throws');
    expectDiagnostics('plugin-throws', result.diagnostics);
    expect(result.diagnostics[0].message).toContain('the fixture plugin fails on purpose');
    expect(result.written).toBe(false);
  });

  it('plugins given to build() in code run after the site plugins', async () => {
    const { result, dest } = await buildFixture('plugins', {
      plugins: [(api) => api.addFilter('reverse_words', () => 'overridden')],
    });
    expect(result.diagnostics).toEqual([]);
    expect(readOut(dest, 'tag-filter.html')).toBe('QUIET WORDS|overridden|AWAITED\n');
  });
});
