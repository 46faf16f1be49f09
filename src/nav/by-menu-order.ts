import type { RenderablePage } from '../render/site-snapshot.js';
import { menuLabel, menuOrder } from './menu-fields.js';

/** Orders pages by `menu_order` (missing or invalid last), then label, then path: stable across builds. */
export function byMenuOrder(a: RenderablePage, b: RenderablePage): number {
  const x = sortKey(a);
  const y = sortKey(b);
  if (x.order !== y.order) return x.order < y.order ? -1 : 1;
  if (x.label !== y.label) return x.label < y.label ? -1 : 1;
  return a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0;
}

// Sorting compares each page O(log n) times: compute its key once.
const sortKeys = new WeakMap<RenderablePage, { order: number; label: string }>();

function sortKey(page: RenderablePage): { order: number; label: string } {
  let key = sortKeys.get(page);
  if (!key) {
    const n = menuOrder(page);
    key = {
      order: n === null || Number.isNaN(n) ? Number.POSITIVE_INFINITY : n,
      label: menuLabel(page).label,
    };
    sortKeys.set(page, key);
  }
  return key;
}
