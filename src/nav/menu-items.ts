import type { Diagnostic } from '../diagnostics.js';
import type { RenderablePage } from '../render/site-snapshot.js';
import { field, menuLabel, menuOrder } from './menu-fields.js';
import { menuDiagnostic } from './menu-rules.js';

/** A page placed in a menu level, with the third-level pages nested under it. */
export interface MenuItem {
  page: RenderablePage;
  children: MenuItem[];
}

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

/**
 * Nests `level3_menu_node: level3child` pages under the `level3parent` of the same
 * `level3_subgroup` (pages sorted already). A child without a parent stays in place
 * (`menu/orphan-level3`); one before its parent in `menu_order` is nested and reported.
 */
export function nestLevel3(sorted: readonly RenderablePage[], diagnostics: Diagnostic[]): MenuItem[] {
  const parents = new Map<string, MenuItem>();
  const items: MenuItem[] = [];
  for (const page of sorted) {
    const item = { page, children: [] };
    const key = field(page, 'level3_subgroup');
    if (field(page, 'level3_menu_node') === 'level3parent' && key !== '' && !parents.has(key))
      parents.set(key, item);
  }
  for (const page of sorted) {
    const key = field(page, 'level3_subgroup');
    const parent = parents.get(key);
    if (field(page, 'level3_menu_node') !== 'level3child') {
      items.push(parent?.page === page ? parent : { page, children: [] });
      continue;
    }
    const lines = page.source.keyLines;
    if (!parent) {
      diagnostics.push(
        menuDiagnostic(
          'menu/orphan-level3',
          page.source.path,
          key === ''
            ? 'level3child page has no level3_subgroup, so no level3parent can hold it'
            : `no page of this section has level3_menu_node: level3parent with level3_subgroup "${key}"`,
          {
            line: lines.level3_subgroup ?? lines.level3_menu_node,
            hint: 'add the level3parent page, or fix level3_subgroup; the page is listed at the second level',
          },
        ),
      );
      items.push({ page, children: [] });
      continue;
    }
    if (byMenuOrder(page, parent.page) < 0) {
      diagnostics.push(
        menuDiagnostic(
          'menu/orphan-level3',
          page.source.path,
          `menu_order ${String(page.source.data.menu_order)} comes before its level3parent ${parent.page.source.path} (${String(parent.page.source.data.menu_order)})`,
          { line: lines.menu_order ?? lines.level3_menu_node, hint: 'give it a menu_order after its parent' },
        ),
      );
    }
    parent.children.push({ page, children: [] });
  }
  return items;
}

/** `menu/duplicate-order`: pages of one menu level sharing a `menu_order`, at each later page. */
export function duplicateOrders(items: readonly MenuItem[], where: string, diagnostics: Diagnostic[]): void {
  const first = new Map<number, RenderablePage>();
  for (const { page } of items) {
    const n = menuOrder(page);
    if (n === null || Number.isNaN(n)) continue;
    const earlier = first.get(n);
    if (!earlier) {
      first.set(n, page);
      continue;
    }
    diagnostics.push(
      menuDiagnostic(
        'menu/duplicate-order',
        page.source.path,
        `menu_order ${n} is also used by ${earlier.source.path} in ${where}; their order is undefined`,
        { line: page.source.keyLines.menu_order, hint: `give each page of ${where} its own menu_order` },
      ),
    );
  }
  for (const item of items) if (item.children.length) duplicateOrders(item.children, where, diagnostics);
}
