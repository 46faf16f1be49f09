import type { Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';

/**
 * rehype-raw, run only on trees that hold `raw` nodes (HTML written in the Markdown). Re-parsing a
 * whole page with parse5 costs about a tenth of a page render; pages without raw HTML (the
 * kramdown `markdown="1"` elements are already elements) come out the same without it.
 */
export function rehypeRawWhenNeeded() {
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? (raw(tree, { file }) as Root) : tree);
}

/** True when any node of the tree is a `raw` node. */
export function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true;
  if ('children' in node) for (const child of node.children) if (hasRaw(child)) return true;
  return false;
}
