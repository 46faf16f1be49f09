import type { Diagnostic } from '../diagnostics.js';
import type { RenderablePage } from '../render/site-snapshot.js';
import { byMenuOrder } from './by-menu-order.js';
import { field } from './menu-fields.js';
import { menuDiagnostic } from './menu-rules.js';

/** A page placed in a menu level, with the third-level pages nested under it. */
export interface MenuItem {
  page: RenderablePage;
  children: MenuItem[];
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
