import { type Diagnostic, diagnostic } from '../diagnostics.js';

/**
 * The menu checks, typed once: id, one-line description and default severity. The checker maps
 * `check:` config onto these by id; `off` rules run only when their config switch is on.
 */
export const MENU_RULES = [
  {
    id: 'menu/duplicate-order',
    severity: 'warning',
    description: 'two entries of one menu level share a menu_order, so their order is undefined',
  },
  { id: 'menu/invalid-order', severity: 'warning', description: 'menu_order is not a number' },
  {
    id: 'menu/missing-parent',
    severity: 'warning',
    description: 'a section has no page with menu_node: parent, so it shows its raw subgroup value',
  },
  {
    id: 'menu/multiple-parents',
    severity: 'warning',
    description: 'a section has several pages with menu_node: parent',
  },
  {
    id: 'menu/orphan-level3',
    severity: 'warning',
    description: 'a level3child has no level3parent, or comes before it in menu_order',
  },
  {
    id: 'menu/suspicious-sort',
    severity: 'warning',
    description: 'subgroup prefixes sort differently as strings and as numbers',
  },
  {
    id: 'menu/missing-title',
    severity: 'warning',
    description: 'a menu entry has neither menu_title nor title (or a TOC entry has no label)',
  },
  {
    id: 'menu/toc-missing-page',
    severity: 'warning',
    description: 'a TOC entry points to a URL no page produces',
  },
  {
    id: 'menu/toc-invalid',
    severity: 'error',
    description: 'a TOC file named in nav.toc is missing or not shaped as label/url/children/versions',
  },
  {
    id: 'menu/unlisted-page',
    severity: 'off',
    description: 'a page of a guide that no menu entry reaches (reported when nav.check_unlisted is true)',
  },
] as const;

/** The id of a menu rule. */
export type MenuRuleId = (typeof MENU_RULES)[number]['id'];

const SEVERITY = new Map<string, 'error' | 'warning' | 'off'>(MENU_RULES.map((r) => [r.id, r.severity]));

/** Default severity of a menu rule (`off` for a rule that runs only behind its config switch). */
export function menuRuleSeverity(id: MenuRuleId): 'error' | 'warning' | 'off' {
  return SEVERITY.get(id) ?? 'warning';
}

/** A diagnostic of a menu rule at its default severity (`off` rules, once switched on, warn). */
export function menuDiagnostic(
  id: MenuRuleId,
  file: string,
  message: string,
  extra: Partial<Omit<Diagnostic, 'ruleId' | 'severity' | 'file' | 'message'>> = {},
): Diagnostic {
  const severity = menuRuleSeverity(id);
  return diagnostic(id, severity === 'off' ? 'warning' : severity, file, message, extra);
}
