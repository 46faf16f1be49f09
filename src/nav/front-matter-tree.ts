import type { SubgroupOrder } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RenderablePage } from '../render/site-snapshot.js';
import { byMenuOrder } from './by-menu-order.js';
import { duplicateOrders } from './duplicate-orders.js';
import { field, menuLabel, menuOrder } from './menu-fields.js';
import { menuDiagnostic } from './menu-rules.js';
import { type NavNode, navNode } from './nav-node.js';
import { type MenuItem, nestLevel3 } from './nest-level3.js';
import { compareSubgroups, subgroupHeading } from './subgroup-order.js';
import { suspiciousSort } from './suspicious-sort.js';

/** A sidebar of the front matter model, with the page behind each node (for locating pages). */
export interface BuiltTree {
  nodes: NavNode[];
  pageOf: Map<NavNode, RenderablePage>;
  diagnostics: Diagnostic[];
}

/**
 * Builds one sidebar from the front matter of its pages (one group at one version): sections by
 * `subgroup`, headed by their `menu_node: parent` page, items by `menu_order`, a third level from
 * `level3_menu_node`. Pages without a `subgroup` come first, outside any section. Runs the
 * front matter menu checks on the way.
 */
export function frontMatterTree(pages: readonly RenderablePage[], order: SubgroupOrder): BuiltTree {
  const diagnostics: Diagnostic[] = [];
  const pageOf = new Map<NavNode, RenderablePage>();
  const sections = new Map<string, RenderablePage[]>();
  for (const page of pages) {
    checkFields(page, diagnostics);
    const key = field(page, 'subgroup');
    const list = sections.get(key);
    if (list) list.push(page);
    else sections.set(key, [page]);
  }
  const node = (item: MenuItem, level: number): NavNode => {
    const external = field(item.page, 'externalURL');
    const n = navNode(menuLabel(item.page).label, external || item.page.url, level, external !== '');
    n.children = item.children.map((c) => node(c, level + 1));
    pageOf.set(n, item.page);
    return n;
  };
  const nodes: NavNode[] = [];
  const heads: { subgroup: string; page: RenderablePage }[] = [];
  const keys = [...sections.keys()].sort((a, b) => compareSubgroups(a, b, order));
  for (const key of keys) {
    const members = (sections.get(key) ?? []).sort(byMenuOrder);
    if (key === '') {
      const items = nestLevel3(members, diagnostics);
      duplicateOrders(items, 'the pages without a subgroup', diagnostics);
      nodes.push(...items.map((i) => node(i, 1)));
      continue;
    }
    const parents = members.filter((p) => field(p, 'menu_node') === 'parent');
    const parent = parents[0];
    for (const extra of parents.slice(1)) {
      diagnostics.push(
        menuDiagnostic(
          'menu/multiple-parents',
          extra.source.path,
          `section "${key}" already has ${parent.source.path} as its menu_node: parent`,
          { line: extra.source.keyLines.menu_node, hint: 'keep one parent; this page is listed as an item' },
        ),
      );
    }
    const rest = members.filter((p) => p !== parent);
    if (!parent) {
      diagnostics.push(
        menuDiagnostic(
          'menu/missing-parent',
          rest[0].source.path,
          `section "${key}" has no page with menu_node: parent; its heading falls back to "${subgroupHeading(key)}" and links nowhere`,
          {
            line: rest[0].source.keyLines.subgroup,
            hint: 'set menu_node: parent on the page that introduces it',
          },
        ),
      );
    }
    heads.push({ subgroup: key, page: parent ?? rest[0] });
    const items = nestLevel3(rest, diagnostics);
    duplicateOrders(items, `section "${key}"`, diagnostics);
    const section = parent ? node({ page: parent, children: [] }, 1) : navNode(subgroupHeading(key), null, 1);
    section.children = items.map((i) => node(i, 2));
    nodes.push(section);
  }
  if (order === 'string') diagnostics.push(...suspiciousSort(heads));
  return { nodes, pageOf, diagnostics };
}

/** `menu/invalid-order` and `menu/missing-title`, which concern one page alone. */
function checkFields(page: RenderablePage, diagnostics: Diagnostic[]): void {
  const lines = page.source.keyLines;
  if (Number.isNaN(menuOrder(page))) {
    const v = page.source.data.menu_order;
    const numeric = typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
    diagnostics.push(
      menuDiagnostic(
        'menu/invalid-order',
        page.source.path,
        `menu_order ${JSON.stringify(v)} is not a number`,
        {
          line: lines.menu_order,
          hint: numeric
            ? `write menu_order: ${Number(v)} without quotes`
            : 'use a number; the page is listed last',
        },
      ),
    );
  }
  if (menuLabel(page).missing) {
    diagnostics.push(
      menuDiagnostic('menu/missing-title', page.source.path, 'page has neither menu_title nor title', {
        line: lines.menu_title ?? lines.title ?? lines.group,
        hint: 'add title: (or menu_title:); the menu shows the file name',
      }),
    );
  }
}
