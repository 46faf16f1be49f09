/**
 * Wraps the Liquid `site` object so that a page render records what it reads: `site:<key>` for
 * each top-level key (`site:pages`, `site:nav`, `site:time`), `data:<name>` for each `site.data`
 * file, and `site:*` / `site:data` when a template lists all keys. These are the page's site-wide
 * dependencies for the render cache; a page that reads `site.pages` depends on every page.
 */
export function trackSiteReads<T extends object>(site: T, dependencies: Set<string>): T {
  const data = (site as Record<string, unknown>).data;
  const trackedData =
    data && typeof data === 'object' ? recording(data as object, 'data:', 'site:data', dependencies) : data;
  return recording(site, 'site:', 'site:*', dependencies, (key, value) =>
    key === 'data' ? trackedData : value,
  );
}

function recording<T extends object>(
  target: T,
  prefix: string,
  all: string,
  dependencies: Set<string>,
  swap: (key: string, value: unknown) => unknown = (_k, v) => v,
): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver);
      if (typeof key !== 'string') return value;
      dependencies.add(`${prefix}${key}`);
      const descriptor = Reflect.getOwnPropertyDescriptor(t, key);
      // A proxy must return frozen properties unchanged; then the whole value counts as read.
      if (descriptor && !descriptor.configurable && !descriptor.writable) {
        if (value !== swap(key, value)) dependencies.add(all);
        return value;
      }
      return swap(key, value);
    },
    has(t, key) {
      if (typeof key === 'string') dependencies.add(`${prefix}${key}`);
      return Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key === 'string') dependencies.add(`${prefix}${key}`);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      dependencies.add(all);
      return Reflect.ownKeys(t);
    },
  });
}
