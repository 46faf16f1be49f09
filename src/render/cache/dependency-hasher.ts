import { createHash } from 'node:crypto';
import type { SiteSnapshot } from '../site-snapshot.js';
import { hashValue } from './hash-value.js';

/** SHA-256 of a string (as UTF-8) or of bytes, hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Hashes what a page render can read from the snapshot, by dependency name, once per build:
 * include and `include_relative` texts, layouts (body and front matter), top-level `site` keys,
 * `site.data` files, and page URLs for `{% link %}`. `objects` is the identity memo shared with
 * the page keys, so `site.pages` costs little once the pages are hashed. A value that cannot be
 * hashed gets a fresh random value, so a page depending on it is always rebuilt, never stale.
 */
export function dependencyHasher(
  snapshot: SiteSnapshot,
  objects: WeakMap<object, string> = new WeakMap(),
): (name: string) => string {
  const memo = new Map<string, string>();
  const site = snapshot.site as Record<string, unknown>;
  const data = (site.data ?? {}) as Record<string, unknown>;
  const readValue = (name: string): unknown => {
    if (name.startsWith('layout:')) {
      const layout = snapshot.layouts.get(name.slice(7));
      return layout ? [layout.path, layout.body, layout.bodyLine, layout.data] : null;
    }
    if (name === 'site:*') return site;
    if (name.startsWith('site:')) return site[name.slice(5)] ?? null;
    if (name.startsWith('data:')) return data[name.slice(5)] ?? null;
    if (name.startsWith('link:')) return snapshot.urlBySourcePath.get(name.slice(5)) ?? null;
    const include = name.startsWith('_includes/') ? snapshot.includes.get(name.slice(10)) : undefined;
    return [include ?? null, snapshot.relativeFiles.get(name) ?? null];
  };
  return (name) => {
    let hash = memo.get(name);
    if (hash === undefined) {
      try {
        hash = hashValue(readValue(name), objects);
      } catch {
        hash = `unhashable-${Math.random()}`;
      }
      memo.set(name, hash);
    }
    return hash;
  };
}
