import yaml from 'js-yaml';

/** A TOC file parsed with the 1-based line where each mapping and list starts. */
export interface ParsedToc {
  value: unknown;
  /** Line of each mapping or list. */
  lines: WeakMap<object, number>;
  /** Line of each item of each list (scalars included), by list. */
  itemLines: WeakMap<unknown[], number[]>;
}

/**
 * Parses a `_data/toc/*.yml` text again, this time recording where each entry starts, so a TOC
 * problem is reported at its line. Returns null when the YAML is invalid (the data reader has
 * reported it already).
 */
export function parseTocFile(text: string): ParsedToc | null {
  const lines = new WeakMap<object, number>();
  const itemLines = new WeakMap<unknown[], number[]>();
  const open: { line: number; children: number[] }[] = [];
  try {
    const value = yaml.load(text, {
      listener(event, state) {
        if (event === 'open') {
          open.push({ line: state.line, children: [] });
          return;
        }
        const node = open.pop();
        if (!node) return;
        open[open.length - 1]?.children.push(node.line + 1);
        const result: unknown = state.result;
        if (typeof result !== 'object' || result === null || lines.has(result)) return;
        lines.set(result, node.line + 1);
        if (Array.isArray(result)) itemLines.set(result, node.children);
      },
    });
    return { value, lines, itemLines };
  } catch {
    return null;
  }
}
