import type { DefaultsEntry } from './site-config.js';

/**
 * Jekyll's `defaults`: the values that apply to a file at `relPath` of `type` (`pages`, `posts`
 * or a collection label). Entries are applied in order; an entry with a longer (more specific)
 * scope path wins over the one before it, one with a shorter path only fills gaps. This mirrors
 * Jekyll's FrontmatterDefaults#all.
 */
export function frontMatterDefaults(
  defaults: readonly DefaultsEntry[],
  relPath: string,
  type: string,
): Record<string, unknown> {
  let result: Record<string, unknown> = {};
  let oldScope: DefaultsEntry['scope'] | null = null;
  for (const entry of defaults) {
    if (!appliesPath(entry.scope.path, relPath) || !appliesType(entry.scope.type, type)) continue;
    if (hasPrecedence(oldScope, entry.scope)) {
      result = deepMerge(result, entry.values);
      oldScope = entry.scope;
    } else {
      result = deepMerge(entry.values, result);
    }
  }
  return result;
}

function sanitize(scopePath: string): string {
  return scopePath.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

function appliesPath(scopePath: string, relPath: string): boolean {
  const scope = sanitize(scopePath);
  if (scope === '') return true;
  if (scope.includes('*')) {
    const pattern = new RegExp(
      `^${scope
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')}(/|$)`,
    );
    return pattern.test(relPath);
  }
  return relPath === scope || relPath.startsWith(`${scope}/`);
}

function appliesType(scopeType: string | undefined, type: string): boolean {
  return scopeType === undefined || scopeType === type;
}

function hasPrecedence(oldScope: DefaultsEntry['scope'] | null, newScope: DefaultsEntry['scope']): boolean {
  if (oldScope === null) return true;
  const newPath = sanitize(newScope.path);
  const oldPath = sanitize(oldScope.path);
  if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
  if (newScope.type !== undefined) return true;
  return oldScope.type === undefined;
}

/** Recursive merge of plain mappings; `over` wins; arrays and scalars are replaced, never shared. */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const prev = out[key];
    out[key] = isPlain(prev) && isPlain(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
