import type { Diagnostic } from '../diagnostics.js';
import type { CheckConfig, RuleSetting } from './check-config.js';
import type { InlineIgnores } from './inline-ignores.js';
import { defaultSeverityOf } from './run-checks.js';

/**
 * Applies `check.rules`, `check.overrides` (by the file a diagnostic points at; later entries
 * win) and inline `<!-- galley-ignore rule-id -->` comments to every diagnostic of a build, the
 * checker's and the pipeline's alike. `rules` keys may be ids or groups (`links/*`).
 */
export function applyRuleSettings(
  diagnostics: readonly Diagnostic[],
  config: CheckConfig,
  ignores: InlineIgnores,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    let setting: RuleSetting | undefined = lookup(config.rules, d.ruleId);
    for (const o of config.overrides) {
      const s = lookup(o.rules, d.ruleId);
      if (s !== undefined && o.paths.some((p) => pathMatches(p, d.file))) setting = s;
    }
    if (setting === undefined && defaultSeverityOf(d.ruleId) === 'off') setting = 'off';
    if (setting === 'off') continue;
    if (ignores.ignored(d)) continue;
    out.push(setting === undefined || setting === d.severity ? d : { ...d, severity: setting });
  }
  return out;
}

function lookup(rules: Record<string, RuleSetting>, ruleId: string): RuleSetting | undefined {
  return rules[ruleId] ?? rules[`${ruleId.slice(0, ruleId.indexOf('/'))}/*`];
}

/** `guides/**`, `guides/*.md`, or a plain prefix (`guides/v2.0/`). */
export function pathMatches(pattern: string, file: string): boolean {
  if (!/[*?]/.test(pattern))
    return file === pattern || file.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`);
  const re = pattern
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${re}$`).test(file);
}
