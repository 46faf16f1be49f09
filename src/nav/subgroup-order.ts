import type { SubgroupOrder } from '../config/site-config.js';

/** Leading number of a subgroup value (`040_configure` -> 40), or null when it has none. */
export function leadingNumber(subgroup: string): number | null {
  const m = /^\d+/.exec(subgroup);
  return m ? Number(m[0]) : null;
}

/** Plain code-unit comparison, as Ruby sorts strings (and as the Magento docs ordered sections). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two subgroup values: as strings, or with `numeric` by their leading number first
 * (values without one after those with one), then as strings.
 */
export function compareSubgroups(a: string, b: string, order: SubgroupOrder): number {
  if (order === 'numeric') {
    const x = leadingNumber(a);
    const y = leadingNumber(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x - y;
    }
  }
  return compareStrings(a, b);
}

/** A section heading for a subgroup without a parent page: `02_rel-notes` -> `rel notes`. */
export function subgroupHeading(subgroup: string): string {
  return (
    subgroup
      .replace(/^\d+[_-]?/, '')
      .replace(/[_-]+/g, ' ')
      .trim() || subgroup
  );
}
