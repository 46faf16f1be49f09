import { describe, expect, it } from 'vitest';
import { compareSubgroups, subgroupHeading } from '../../src/nav/subgroup-order.js';

describe('compareSubgroups', () => {
  const values = ['090_a', '10_b', '2_c', 'How To'];
  it('string order is the plain sort the Magento docs used', () => {
    expect([...values].sort((a, b) => compareSubgroups(a, b, 'string'))).toEqual([
      '090_a',
      '10_b',
      '2_c',
      'How To',
    ]);
  });
  it('numeric order goes by the leading number, unnumbered last', () => {
    expect([...values].sort((a, b) => compareSubgroups(a, b, 'numeric'))).toEqual([
      '2_c',
      '10_b',
      '090_a',
      'How To',
    ]);
  });
  it('a section without a parent page is headed by its value without the prefix', () => {
    expect(subgroupHeading('02_rel-notes')).toBe('rel notes');
    expect(subgroupHeading('Optimization')).toBe('Optimization');
  });
});
