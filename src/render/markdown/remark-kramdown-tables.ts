import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { escapedOffsets } from './kramdown-escaped-offsets.js';
import type { KramdownTable, KramdownTablePart, KramdownTableRow } from './mdast-kramdown-table.js';

type Align = 'left' | 'right' | 'center' | undefined;
type Cell = PhrasingContent[];

/**
 * Builds kramdown tables (table.rb) from the rows `kramdownTable` read: each row is split into
 * cells at unescaped `|` outside code spans and `<code>` elements (a leading empty cell is dropped
 * when the first row starts with `|`, a trailing empty one always); the first `-` separator after
 * rows closes the header and gives the alignments (`:-`, `-:`, `:-:`), later ones start a new body;
 * an `=` line starts the footer. Rows are padded to the widest. A table with a row without a cell
 * separator, or without a body, is a paragraph of its lines, as in kramdown.
 */
export function remarkKramdownTables() {
  return (tree: Root, file: VFile): undefined => {
    const source = typeof file.value === 'string' ? file.value : String(file.value ?? '');
    visit(tree, source);
  };
}

function visit(parent: Parent, source: string): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index] as RootContent;
    if (child.type === 'kramdownTable') parent.children[index] = build(child, source) as never;
    else if ('children' in child) visit(child, source);
  }
}

function build(table: KramdownTable, source: string): RootContent {
  const sections: Array<{ name: 'thead' | 'tbody' | 'tfoot'; rows: Cell[][] }> = [];
  let rows: Cell[][] = [];
  let alignment: Align[] | undefined;
  let footer = false;
  let leadingPipe: boolean | undefined;
  const close = (name: 'thead' | 'tbody' | 'tfoot', force: boolean) => {
    if (!footer || name !== 'tbody' || force) {
      sections.push({ name, rows });
      rows = [];
    }
  };
  for (const line of table.children) {
    if (line.type === 'kramdownTableSeparator') {
      leadingPipe ??= /^\s*\|/.test(line.value);
      if (line.footer) {
        if (rows.length > 0) close('tbody', true);
        footer = true;
      } else if (rows.length === 0) {
        // consecutive separator lines (or one before any row) are ignored
      } else if (!alignment && !footer) {
        close('thead', false);
        alignment = alignments(line.value);
      } else close('tbody', false);
      continue;
    }
    const start = line.position?.start.offset;
    leadingPipe ??= start !== undefined && /^\s*\|/.test(source.slice(start, start + 8));
    const cells = splitCells(line, source);
    if (!cells) return asParagraph(table);
    if (leadingPipe && cells.length > 1 && isEmpty(cells[0] as Cell)) cells.shift();
    if (cells.length > 0 && isEmpty(cells[cells.length - 1] as Cell)) cells.pop();
    rows.push(cells);
  }
  if (rows.length > 0) close(footer ? 'tfoot' : 'tbody', false);
  if (!sections.some((s) => s.name === 'tbody')) return asParagraph(table);
  const columns = Math.max(...sections.flatMap((s) => s.rows.map((r) => r.length)));
  const aligns = (alignment ?? []).slice(0, columns);
  const part = (
    hName: string,
    children: KramdownTablePart['children'],
    style?: string,
  ): KramdownTablePart => ({
    type: 'kramdownTablePart',
    data: { hName, hProperties: style ? { style } : {} },
    children,
  });
  const result = part(
    'table',
    sections.map((section) =>
      part(
        section.name,
        section.rows.map((row) =>
          part(
            'tr',
            Array.from({ length: columns }, (_, i) => {
              const align = aligns[i];
              return part(
                section.name === 'thead' ? 'th' : 'td',
                row[i] ?? [],
                align ? `text-align: ${align}` : undefined,
              );
            }),
          ),
        ),
      ),
    ),
  );
  result.data = { ...result.data, hProperties: { ...(table.data?.hProperties ?? {}) } };
  result.position = table.position;
  return result as unknown as RootContent;
}

function alignments(line: string): Align[] {
  const out: Align[] = [];
  for (const match of line.matchAll(/[ \t]?(:?)-+(:?)[ \t]?/g)) {
    const left = match[1] !== '';
    const right = match[2] !== '';
    out.push(left && right ? 'center' : left ? 'left' : right ? 'right' : undefined);
  }
  return out;
}

function isEmpty(cell: Cell): boolean {
  return cell.every((node) => node.type === 'text' && node.value.trim() === '');
}

/**
 * The row's cells, or undefined when it has no unescaped `|` outside code (then it is no table).
 * An escaped pipe is found by reading the source under the text node.
 */
function splitCells(row: KramdownTableRow, source: string): Cell[] | undefined {
  const cells: Cell[] = [[]];
  let split = false;
  let codeDepth = 0;
  for (const node of row.children) {
    const current = () => cells[cells.length - 1] as Cell;
    if (node.type === 'html') {
      // A whole raw `<code>…</code>` span is one node (kramdownHtmlSpan): it opens nothing.
      if (/^<code[\s>]/i.test(node.value) && !/<\/code\s*>$/i.test(node.value)) codeDepth++;
      else if (/^<\/code\s*>/i.test(node.value)) codeDepth = Math.max(0, codeDepth - 1);
      current().push(node);
      continue;
    }
    if (node.type !== 'text' || codeDepth > 0 || !node.value.includes('|')) {
      current().push(node);
      continue;
    }
    const escaped = escapedOffsets(node, source);
    let from = 0;
    for (let i = 0; i < node.value.length; i++) {
      if (node.value[i] !== '|' || escaped.has(i)) continue;
      if (i > from) current().push({ type: 'text', value: node.value.slice(from, i) });
      cells.push([]);
      split = true;
      from = i + 1;
    }
    if (from < node.value.length) current().push({ type: 'text', value: node.value.slice(from) });
  }
  if (!split) return undefined;
  return cells.map(trimCell);
}

function trimCell(cell: Cell): Cell {
  const out = cell.map((node) => (node.type === 'text' ? { ...node } : node));
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return out.filter((node) => node.type !== 'text' || node.value !== '');
}

/** The lines as one paragraph: row text as parsed, separator lines as text. */
function asParagraph(table: KramdownTable): Paragraph {
  const children: PhrasingContent[] = [];
  for (const [i, line] of table.children.entries()) {
    if (i > 0) children.push({ type: 'text', value: '\n' });
    if (line.type === 'kramdownTableSeparator') children.push({ type: 'text', value: line.value });
    else children.push(...line.children);
  }
  return { type: 'paragraph', children, position: table.position, data: table.data };
}
