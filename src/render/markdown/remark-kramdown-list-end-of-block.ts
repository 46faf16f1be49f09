import type { List, Nodes, Root } from 'mdast';

/** Set on a list that an end-of-block marker (`^`) ends: the line of the marker. */
export interface ListEndOfBlockData {
  kramdownEndOfBlockLine?: number;
}

/**
 * Marks each list that ends at an end-of-block marker (`^`), before the markers are dropped.
 * kramdown (`parse_list`, `eob_found`) then counts the blank lines before the marker as part of
 * the last item, so that item's paragraph keeps its `<p>`.
 */
export function remarkKramdownListEndOfBlock() {
  return (tree: Root): undefined => {
    visit(tree);
  };
}

function visit(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (const [index, child] of children.entries()) {
    visit(child);
    const next = children[index + 1];
    const line = next?.position?.start.line;
    if (child.type === 'list' && next?.type === 'kramdownEndOfBlock' && line !== undefined) {
      child.data ??= {};
      (child.data as ListEndOfBlockData).kramdownEndOfBlockLine = line;
    }
  }
}

/** The line of the `^` that ends the list, if one does. */
export function listEndOfBlockLine(list: List): number | undefined {
  return (list.data as ListEndOfBlockData | undefined)?.kramdownEndOfBlockLine;
}
