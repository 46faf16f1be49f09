import yaml from 'js-yaml';

/** A TOC file parsed with the 1-based line where each mapping and list starts. */
export interface ParsedToc {
  value: unknown;
  lines: WeakMap<object, number>;
}

/**
 * Parses a `_data/toc/*.yml` text again, this time recording where each entry starts, so a TOC
 * problem is reported at its line. Returns null when the YAML is invalid (the data reader has
 * reported it already).
 */
export function parseTocFile(text: string): ParsedToc | null {
  const lines = new WeakMap<object, number>();
  const open: number[] = [];
  try {
    const value = yaml.load(text, {
      listener(event, state) {
        if (event === 'open') open.push(state.line);
        else {
          const line = open.pop();
          const result: unknown = state.result;
          if (line !== undefined && typeof result === 'object' && result !== null && !lines.has(result))
            lines.set(result, line + 1);
        }
      },
    });
    return { value, lines };
  } catch {
    return null;
  }
}
