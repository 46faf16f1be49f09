import type { Nodes, Root } from 'mdast';

/** Blocks whose children are inline: HTML inside them is span HTML. */
const PHRASING_PARENTS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'kramdownBareLine',
]);

/** A quoted attribute value in a start tag. */
const QUOTED_VALUE = /=(\s*)("[^"]*"|'[^']*')/g;

/**
 * kramdown's span HTML parser joins the lines of an attribute value with a space
 * (`<a href="test` / `foo">` gives `href="test foo"`); block HTML keeps them. Applied to the start
 * tags of inline HTML in paragraphs, headings and table cells.
 */
export function remarkKramdownSpanHtmlAttributes() {
  return (tree: Root): undefined => {
    const visit = (node: Nodes, inline: boolean): void => {
      if (inline && node.type === 'html' && /^<[A-Za-z]/.test(node.value) && node.value.includes('\n')) {
        node.value = node.value.replace(
          QUOTED_VALUE,
          (_, space: string, value: string) => `=${space}${value.replace(/\n+/g, ' ')}`,
        );
      }
      if ('children' in node)
        for (const child of node.children) visit(child, inline || PHRASING_PARENTS.has(node.type));
    };
    visit(tree, false);
  };
}
