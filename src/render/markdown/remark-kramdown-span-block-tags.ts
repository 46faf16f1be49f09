import type { Html, Nodes, Parent, RootContent, Text } from 'mdast';
import { htmlBlockElements } from './kramdown-html-elements.js';

const startTag = /^<([A-Za-z][\w:-]*)(?:\s[^>]*)?\/?>$/s;

/**
 * kramdown's span parser prints the start tag of a block-level element (`<p>`, `<div>`, `<table>`)
 * found inside a paragraph, heading or table cell as text instead of opening the element, where a
 * browser would end the paragraph there. Such tags become text here; their end tags then close
 * nothing and become text too (remarkKramdownStrayEndTags, which runs after this). A tag at the
 * start of a paragraph's line is left alone: there kramdown starts an HTML block instead.
 */
export function remarkKramdownSpanBlockTags() {
  return (tree: Nodes): undefined => {
    visit(tree);
  };
}

function visit(node: Nodes): void {
  if (!('children' in node)) return;
  if (
    node.type === 'paragraph' ||
    node.type === 'heading' ||
    node.type === 'tableCell' ||
    isKramdownCell(node)
  ) {
    escapeIn(node, node);
    return;
  }
  for (const child of node.children) visit(child);
}

/** A cell of a kramdown table (remarkKramdownTables), the table form of both inputs. */
function isKramdownCell(node: Nodes): boolean {
  if ((node.type as string) !== 'kramdownTablePart') return false;
  const name = (node.data as { hName?: string } | undefined)?.hName;
  return name === 'td' || name === 'th';
}

function escapeIn(parent: Parent, block: Parent): void {
  const children = parent.children as RootContent[];
  parent.children = children.map((child, index): RootContent => {
    if ('children' in child) escapeIn(child as Parent, block);
    if (child.type !== 'html' || !isBlockStartTag(child)) return child;
    const before = children[index - 1];
    const lineStart =
      block.type === 'paragraph' &&
      parent === block &&
      (!before || (before.type === 'text' && before.value.endsWith('\n')));
    return lineStart ? child : asText(child);
  }) as Parent['children'];
}

function isBlockStartTag(node: Html): boolean {
  const name = startTag.exec(node.value)?.[1];
  return name !== undefined && htmlBlockElements.has(name.toLowerCase());
}

function asText(node: Html): Text {
  return { type: 'text', value: node.value, position: node.position };
}
