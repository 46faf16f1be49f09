import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { CheckSite } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * Runs the rules over the site's facts and returns diagnostics at source lines, each with its
 * rule's default severity; `applyRuleSettings` then applies the configured ones. A rule that is off
 * by default runs only when the config turns it on somewhere.
 */
export function runChecks(site: CheckSite): Diagnostic[] {
  const { diagnostics, pageOf } = collectFindings(site);
  return mergeRepeats(diagnostics, pageOf);
}

/**
 * Every rule's findings before repeats are merged, with the page each came from; checking page
 * by page (the incremental builder) concatenates these in page order and merges once.
 */
export function collectFindings(site: CheckSite): {
  diagnostics: Diagnostic[];
  pageOf: Map<Diagnostic, string>;
} {
  const diagnostics: Diagnostic[] = [];
  // Which page each finding came from, to list them when an include repeats it.
  const pageOf = new Map<Diagnostic, string>();
  for (const rule of RULES) {
    const configured = [site.config.rules[rule.id], ...site.config.overrides.map((o) => o.rules[rule.id])];
    const on = configured.some((s) => s !== undefined && s !== 'off');
    if (rule.defaultSeverity === 'off' && !on) continue;
    const severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
    rule.check(site, (location, message, hint, link) => {
      const d = diagnostic(rule.id, severity, location.file, message, {
        line: location.line,
        column: location.column,
        chain: location.chain,
        hint,
        ...(link ? { link } : {}),
      });
      if (location.page) pageOf.set(d, location.page);
      diagnostics.push(d);
    });
  }
  return { diagnostics, pageOf };
}

/**
 * One finding per place: a place rendered twice on one page is one finding, and an include used by forty pages gives forty identical findings at its
 * own line (html-proofer prints each; 27,007 lines of which 11,076 distinct on the Magento site).
 * They become one, listing the pages; the first page's include chain is kept.
 */
export function mergeRepeats(
  diagnostics: Diagnostic[],
  pageOf: ReadonlyMap<Diagnostic, string>,
): Diagnostic[] {
  const first = new Map<string, Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = [d.ruleId, d.file, d.line, d.column, d.message, d.hint].join('\u0000');
    const kept = first.get(key);
    const page = pageOf.get(d);
    if (!kept) {
      first.set(key, d);
      out.push(d);
      continue;
    }
    const keptPage = pageOf.get(kept);
    if (page === undefined || keptPage === undefined) {
      // The same place twice on the page itself (a loop that prints it again): report it once.
      if (page !== keptPage) out.push(d);
      continue;
    }
    kept.pages ??= [keptPage];
    if (!kept.pages.includes(page)) kept.pages.push(page);
  }
  return out;
}

/** Default severity of a checker rule, or undefined for ids that are not checker rules. */
export function defaultSeverityOf(ruleId: string): CheckRuleDefault | undefined {
  return RULES.find((r) => r.id === ruleId)?.defaultSeverity;
}

type CheckRuleDefault = (typeof RULES)[number]['defaultSeverity'];
