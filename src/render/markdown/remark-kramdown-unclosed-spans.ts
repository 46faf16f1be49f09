import type { Html, Nodes, Root } from 'mdast';
import { htmlVoidElements } from './kramdown-html-elements.js';

/** Blocks whose children are inline: kramdown parses each as one run of spans. */
const PHRASING_PARENTS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'kramdownBareLine',
]);

const TAG = /<(\/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g;

/**
 * Closes HTML elements that a paragraph (or heading, table cell, bare line) opens and never closes, at
 * its end, as kramdown's span HTML parser does ("Found no end tag for 'a' - auto-closing it").
 * Without this the browser's parser would carry an unclosed `<a>` into every following block.
 */
export function remarkKramdownUnclosedSpans() {
  return (tree: Root): undefined => {
    const visit = (node: Nodes): void => {
      if (!('children' in node)) return;
      if (PHRASING_PARENTS.has(node.type)) {
        const open = unclosedTags(node.children);
        for (const name of open.reverse()) {
          const close: Html = { type: 'html', value: `</${name}>` };
          (node.children as Nodes[]).push(close);
        }
        return;
      }
      for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

/** Tag names opened by the inline HTML among `children` and not closed there, outermost first. */
function unclosedTags(children: readonly Nodes[]): string[] {
  const stack: string[] = [];
  for (const child of children) {
    if (child.type !== 'html') continue;
    for (const match of child.value.matchAll(TAG)) {
      const [, slash, rawName, selfClosing] = match;
      const name = (rawName ?? '').toLowerCase();
      if (slash) {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
      } else if (!selfClosing && !htmlVoidElements.has(name)) {
        stack.push(name);
      }
    }
  }
  return stack;
}
