import {
  type CheckConfig,
  type CheckOverride,
  DEFAULT_CHECK_CONFIG,
  type ExternalConfig,
  type RuleSetting,
} from '../check/check-config.js';

const SETTINGS = ['off', 'info', 'warning', 'error'] as const;
const RULE_ID = /^[a-z0-9-]+\/([a-z0-9-]+|\*)$/;

/**
 * Reads the `check:` section of the config: `rules` (id or `group/*` to off, info, warning,
 * error), `ignore_urls`, `callout_types`, and `overrides` (a list of `{paths, rules}`). Problems
 * name the property path.
 */
export function resolveCheckConfig(
  value: unknown,
  problem: (key: string, message: string) => void,
): CheckConfig {
  if (value === undefined || value === null) return DEFAULT_CHECK_CONFIG;
  if (!isRecord(value)) {
    problem('check', 'must be a mapping');
    return DEFAULT_CHECK_CONFIG;
  }
  const strings = (key: string, fallback: string[]): string[] => {
    const v = value[key];
    if (v === undefined || v === null) return fallback;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    problem(`check.${key}`, 'must be a list of strings');
    return fallback;
  };
  const rules = ruleSettings(value.rules, 'check.rules', problem);
  const overrides: CheckOverride[] = [];
  const rawOverrides = value.overrides ?? [];
  if (!Array.isArray(rawOverrides)) problem('check.overrides', 'must be a list');
  else {
    for (const [i, o] of rawOverrides.entries()) {
      const key = `check.overrides[${i}]`;
      if (!isRecord(o)) {
        problem(key, 'must be a mapping with paths and rules');
        continue;
      }
      const paths = typeof o.paths === 'string' ? [o.paths] : o.paths;
      if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
        problem(`${key}.paths`, 'must be a path pattern or a list of them');
        continue;
      }
      overrides.push({ paths, rules: ruleSettings(o.rules, `${key}.rules`, problem) });
    }
  }
  return {
    external: resolveExternal(value.external, problem),
    rules,
    ignoreUrls: strings('ignore_urls', DEFAULT_CHECK_CONFIG.ignoreUrls),
    calloutTypes: strings('callout_types', DEFAULT_CHECK_CONFIG.calloutTypes),
    overrides,
  };
}

function ruleSettings(value: unknown, key: string, problem: (key: string, message: string) => void) {
  const rules: Record<string, RuleSetting> = {};
  if (value === undefined || value === null) return rules;
  if (!isRecord(value)) {
    problem(key, 'must be a mapping of rule ids to off, info, warning or error');
    return rules;
  }
  for (const [id, setting] of Object.entries(value)) {
    if (!RULE_ID.test(id)) problem(`${key}.${id}`, 'is not a rule id (like links/missing-page or links/*)');
    else if (setting === false) rules[id] = 'off';
    else if (typeof setting === 'string' && (SETTINGS as readonly string[]).includes(setting)) {
      rules[id] = setting as RuleSetting;
    } else problem(`${key}.${id}`, `must be one of ${SETTINGS.join(', ')}`);
  }
  return rules;
}

function resolveExternal(value: unknown, problem: (key: string, message: string) => void): ExternalConfig {
  const defaults = DEFAULT_CHECK_CONFIG.external;
  if (value === undefined || value === null) return defaults;
  if (!isRecord(value)) {
    problem('check.external', 'must be a mapping');
    return defaults;
  }
  const number = (key: string, fallback: number, scale = 1): number => {
    const v = value[key];
    if (v === undefined) return fallback;
    if (typeof v === 'number' && v >= 0) return v * scale;
    problem(`check.external.${key}`, 'must be a number, 0 or more');
    return fallback;
  };
  const cache = value.cache;
  if (cache !== undefined && cache !== false && typeof cache !== 'string')
    problem('check.external.cache', 'must be a path or false');
  return {
    timeoutMs: number('timeout_ms', defaults.timeoutMs),
    retries: number('retries', defaults.retries),
    perHost: Math.max(1, number('per_host', defaults.perHost)),
    ttlMs: number('ttl_hours', defaults.ttlMs, 3600_000),
    cacheFile: cache === false ? null : typeof cache === 'string' ? cache : defaults.cacheFile,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
