import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { CheckSite } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * Runs the rules over the site's facts and returns diagnostics at source lines, each with its
 * rule's default severity; `applyRuleSettings` then applies the configured ones. A rule that is off
 * by default runs only when the config turns it on somewhere.
 */
export function runChecks(site: CheckSite): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    const configured = [site.config.rules[rule.id], ...site.config.overrides.map((o) => o.rules[rule.id])];
    const on = configured.some((s) => s !== undefined && s !== 'off');
    if (rule.defaultSeverity === 'off' && !on) continue;
    const severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
    rule.check(site, (location, message, hint, link) => {
      diagnostics.push(
        diagnostic(rule.id, severity, location.file, message, {
          line: location.line,
          column: location.column,
          chain: location.chain,
          hint,
          ...(link ? { link } : {}),
        }),
      );
    });
  }
  return diagnostics;
}

/** Default severity of a checker rule, or undefined for ids that are not checker rules. */
export function defaultSeverityOf(ruleId: string): CheckRuleDefault | undefined {
  return RULES.find((r) => r.id === ruleId)?.defaultSeverity;
}

type CheckRuleDefault = (typeof RULES)[number]['defaultSeverity'];
