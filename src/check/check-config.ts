import type { Severity } from '../diagnostics.js';

/** Severity a rule can be set to in `check.rules`. */
export type RuleSetting = Severity | 'off';

/** A `check.overrides` entry: rule settings for the source files under some paths. */
export interface CheckOverride {
  /** Path prefixes or globs (`guides/v2.0/**`, `_includes/cloud/*.md`). */
  paths: string[];
  rules: Record<string, RuleSetting>;
}

/** The `check:` section of `_config.yml`, resolved. */
export interface CheckConfig {
  rules: Record<string, RuleSetting>;
  /** URL patterns no link rule reports (regular expressions, or plain prefixes). */
  ignoreUrls: string[];
  /** `bs-callout-<type>` types that are allowed. */
  calloutTypes: string[];
  overrides: CheckOverride[];
}

/** Galley's defaults: Bootstrap's callout types as the Magento docs use them. */
export const DEFAULT_CHECK_CONFIG: CheckConfig = {
  rules: {},
  ignoreUrls: [],
  calloutTypes: ['info', 'warning', 'tip', 'danger'],
  overrides: [],
};
