// Structured clone copies a string each time it is referenced, so a worker's reply holds its own
// copy of every repeated text: the page's path in each of its ~20 source locations, the same URLs,
// attribute and element names on every page. On the 4,000-page bench site the main thread held
// 83,000 copies of file paths alone (4.7 MB) until the checks ran (issue 7).

/** Longest text worth sharing: paths, URLs, names, short messages; not HTML or page texts. */
const SHAREABLE = 256;

/**
 * Replaces, in place, every short string in the plain data `value` (objects and arrays, as
 * received from a worker) by the equal one already in `seen`, adding the new ones. Equal strings
 * are indistinguishable, so only memory changes.
 */
export function shareRepeatedStrings(value: unknown, seen: Map<string, string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === 'string') value[i] = shared(item, seen);
      else shareRepeatedStrings(item, seen);
    }
    return;
  }
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const item = fields[key];
    if (typeof item === 'string') fields[key] = shared(item, seen);
    else shareRepeatedStrings(item, seen);
  }
}

function shared(text: string, seen: Map<string, string>): string {
  if (text.length > SHAREABLE) return text;
  const known = seen.get(text);
  if (known !== undefined) return known;
  seen.set(text, text);
  return text;
}
