import type { Diagnostic } from '../diagnostics.js';
import type { RenderablePage } from '../render/site-snapshot.js';
import { menuDiagnostic } from './menu-rules.js';
import { compareStrings, leadingNumber } from './subgroup-order.js';

/**
 * `menu/suspicious-sort`: the numbered subgroups of one sidebar sort differently as strings (how
 * they are ordered) and as numbers (what their prefixes suggest), e.g. `090_a`, `10_b`, `2_c`.
 * One warning per sidebar, at the `subgroup` line of the first section that is out of place.
 */
export function suspiciousSort(
  sections: readonly { subgroup: string; page: RenderablePage }[],
): Diagnostic[] {
  const numbered = sections.filter((s) => leadingNumber(s.subgroup) !== null);
  const asStrings = [...numbered].sort((a, b) => compareStrings(a.subgroup, b.subgroup));
  const asNumbers = [...numbered].sort(
    (a, b) =>
      (leadingNumber(a.subgroup) ?? 0) - (leadingNumber(b.subgroup) ?? 0) ||
      compareStrings(a.subgroup, b.subgroup),
  );
  const first = asStrings.findIndex((s, i) => s !== asNumbers[i]);
  if (first < 0) return [];
  const at = asStrings[first];
  const other = asNumbers[first];
  return [
    menuDiagnostic(
      'menu/suspicious-sort',
      at.page.source.path,
      `subgroup "${at.subgroup}" sorts before "${other.subgroup}" as a string but after it as a number`,
      {
        line: at.page.source.keyLines.subgroup,
        hint: 'pad the prefixes to one width (010_, 020_, ...) or set nav.subgroup_order: numeric',
      },
    ),
  ];
}
