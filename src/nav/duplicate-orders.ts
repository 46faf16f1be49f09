import type { Diagnostic } from '../diagnostics.js';
import type { RenderablePage } from '../render/site-snapshot.js';
import { menuOrder } from './menu-fields.js';
import { menuDiagnostic } from './menu-rules.js';
import type { MenuItem } from './nest-level3.js';

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
