import type { Code, ListItem, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * Code in a list item with the source line's leading tabs as kramdown sees them. kramdown turns
 * the leading tabs of every line it adds to an item into four spaces each before parsing the
 * item, so such a code line keeps spaces where micromark keeps the tabs that remain after the
 * item's indentation. Only lines whose leading white space is all tabs in the source are changed.
 */
export function remarkKramdownListCodeTabs() {
  return (tree: Root, file: VFile): undefined => {
    let lines: string[] | undefined;
    const visit = (node: Nodes, item: ListItem | undefined): void => {
      if (node.type === 'code' && item && node.value.includes('\t') && node.position) {
        lines ??= String(file.value).split('\n');
        expandLeadingTabs(node, lines, itemIndent(lines[(item.position?.start.line ?? 1) - 1] ?? ''));
        return;
      }
      if ('children' in node)
        for (const child of node.children) visit(child, node.type === 'listItem' ? node : item);
    };
    visit(tree, undefined);
  };
}

function expandLeadingTabs(node: Code, lines: string[], indent: number): void {
  const start = (node.position?.start.line ?? 1) - 1;
  const fenced = /^\s*(```|~~~)/.test(lines[start] ?? '');
  const values = node.value.split('\n');
  if (!fenced) {
    // Indented code: the item's indentation and the code's four columns come off the expanded
    // line. Lines joined to the one before (kramdown's lazy lines) break the line mapping.
    const end = node.position?.end.line ?? start;
    if (values.length !== end - start) return;
    const taken = indent + 4;
    node.value = values
      .map((line, index) => {
        const lead = /^(\t+ *)\S/.exec(lines[start + index] ?? '')?.[1];
        if (lead === undefined) return line;
        return ' '.repeat(Math.max(0, columns(lead) - taken)) + line.replace(/^[ \t]+/, '');
      })
      .join('\n');
    return;
  }
  node.value = values
    .map((line, index) => {
      const source = lines[start + 1 + index] ?? '';
      if (!/^\t+\S/.test(source)) return line;
      return line.replace(/^[ \t]+/, (ws) => ' '.repeat(columns(ws)));
    })
    .join('\n');
}

/** kramdown's indentation of the item whose marker is on `line`, in columns of the source line. */
function itemIndent(line: string): number {
  const match = /^([ \t]*)(\d+\.|[-+*])([ \t]*)/.exec(line);
  if (!match) return 0;
  let count = columns(match[1] ?? '') + (match[2] ?? '').length;
  for (const char of match[3] ?? '') count += char === '\t' ? 4 - (count % 4) : 1;
  return count;
}

/** Columns of leading white space with every tab as four, as kramdown counts them. */
function columns(ws: string): number {
  let count = 0;
  for (const char of ws) count += char === '\t' ? 4 : 1;
  return count;
}
