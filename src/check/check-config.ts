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
  external: ExternalConfig;
}

/** `check.external`: how `links/external` talks to other servers. */
export interface ExternalConfig {
  timeoutMs: number;
  retries: number;
  perHost: number;
  /** How long a good answer is trusted, in milliseconds (failures: a tenth of it). */
  ttlMs: number;
  /** Cache file, relative to the source; null for no cache. */
  cacheFile: string | null;
}

/** Galley's defaults: Bootstrap's callout types as the Magento docs use them. */
export const DEFAULT_CHECK_CONFIG: CheckConfig = {
  rules: {},
  ignoreUrls: [],
  calloutTypes: ['info', 'warning', 'tip', 'danger'],
  overrides: [],
  external: {
    timeoutMs: 10_000,
    retries: 2,
    perHost: 2,
    ttlMs: 24 * 3600_000,
    cacheFile: '.galley-cache/external-links.json',
  },
};
