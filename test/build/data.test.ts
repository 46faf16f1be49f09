import { describe, expect, it } from 'vitest';
import { buildFixture, expectGolden } from './helpers.js';

describe('_data', () => {
  it('exposes YAML, JSON in sub-folders and CSV as site.data.*', async () => {
    const { result, dest } = await buildFixture('data');
    expect(result.diagnostics).toEqual([]);
    expectGolden('data', dest);
  });
});
