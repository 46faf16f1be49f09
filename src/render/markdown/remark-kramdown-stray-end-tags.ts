import type { Html, Nodes, Parent, RootContent, Text } from 'mdast';
import { htmlVoidElements } from './kramdown-html-elements.js';

const startTag = /^<([A-Za-z][\w:-]*)(?:\s[^>]*)?>$/s;
const endTag = /^<\/([A-Za-z][\w:-]*)\s*>$/;

/**
 * kramdown prints an inline end tag that closes nothing (`text</li>` in a list item) as text,
 * where an HTML parser would drop it. For each block of inline content, end tags are matched
 * against the start tags opened earlier in that block; the unmatched ones become text (except at
 * the start of a line, where kramdown reads them as the end of an outer HTML block).
 */
export function remarkKramdownStrayEndTags() {
  return (tree: Nodes): undefined => {
    visit(tree);
  };
}

function visit(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  if (children.some((child) => child.type === 'text' || child.type === 'html') && isInline(node)) {
    fixBlock(node as Parent);
    return;
  }
  for (const child of children) visit(child);
}

function isInline(node: Nodes): boolean {
  return (
    node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || isKramdownCell(node)
  );
}

/** A cell of a kramdown table: its text is cut out of the row first, so no end tag in it starts a line. */
function isKramdownCell(node: Nodes): boolean {
  const name = node.type === 'kramdownTablePart' ? node.data?.hName : undefined;
  return name === 'td' || name === 'th';
}

function fixBlock(block: Parent): void {
  const open: string[] = [];
  const walk = (parent: Parent) => {
    const children = parent.children as RootContent[];
    parent.children = children.map((child, index): RootContent => {
      if ('children' in child) walk(child as Parent);
      if (child.type !== 'html') return child;
      // At the start of a line kramdown reads an end tag as block HTML closing an outer element.
      const before = children[index - 1];
      const lineStart =
        parent === block &&
        !isKramdownCell(block as Nodes) &&
        (!before || (before.type === 'text' && before.value.endsWith('\n')));
      return checkTag(child, open, lineStart);
    }) as Parent['children'];
  };
  walk(block);
}

function checkTag(node: Html, open: string[], lineStart: boolean): Html | Text {
  const start = startTag.exec(node.value);
  if (start?.[1]) {
    const name = start[1].toLowerCase();
    if (!node.value.endsWith('/>') && !htmlVoidElements.has(name)) open.push(name);
    return node;
  }
  const end = endTag.exec(node.value);
  if (!end?.[1]) return node;
  const index = open.lastIndexOf(end[1].toLowerCase());
  if (index < 0) return lineStart ? node : { type: 'text', value: node.value, position: node.position };
  open.length = index;
  return node;
}
