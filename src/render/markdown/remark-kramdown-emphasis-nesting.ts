import type { Emphasis, Nodes, Root, RootContent, Strong, Text } from 'mdast';
import type { VFile } from 'vfile';

type Kind = 'emphasis' | 'strong';

/**
 * Two of kramdown's emphasis rules (parser/kramdown/emphasis.rb) that CommonMark's differ from:
 * - a run of three (`***x***`, `___x___`) opens strong first, so it is `<strong><em>`, not
 *   CommonMark's `<em><strong>`;
 * - emphasis never nests inside emphasis of the same kind: in `*a _b_ c*` the inner `_b_` stays
 *   text, delimiters and all (likewise `__` inside `**`). Only where the inner element uses the
 *   other delimiter character: with the same one kramdown pairs the delimiters differently.
 */
export function remarkKramdownEmphasisNesting() {
  return (tree: Root, file: VFile): undefined => {
    const source = typeof file.value === 'string' ? file.value : '';
    const visit = (node: Nodes, open: ReadonlyMap<Kind, string | undefined>): void => {
      if (!('children' in node)) return;
      if (node.type === 'emphasis') strongFirst(node, source);
      const kind = node.type === 'emphasis' || node.type === 'strong' ? node.type : undefined;
      const inside = kind ? new Map([...open, [kind, delimiter(node, source)]]) : open;
      const children: RootContent[] = [];
      for (const child of node.children as RootContent[]) {
        const outer =
          child.type === 'emphasis' || child.type === 'strong' ? inside.get(child.type) : undefined;
        // With the outer element's own delimiter kramdown closes the outer one there instead, a
        // pairing this rule cannot redo; only the other delimiter is left as text.
        if (outer !== undefined && outer !== delimiter(child, source)) {
          const unwrapped = asText(child as Emphasis | Strong, source);
          if (unwrapped) {
            for (const part of unwrapped) visit(part, inside);
            children.push(...unwrapped);
            continue;
          }
        }
        visit(child, inside);
        children.push(child);
      }
      node.children = children as typeof node.children;
    };
    visit(tree, new Map());
  };
}

/** `***x***` parsed as emphasis around strong becomes strong around emphasis. */
function strongFirst(node: Nodes, source: string): void {
  if (node.type !== 'emphasis' || node.children.length !== 1) return;
  const inner = node.children[0];
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (inner?.type !== 'strong' || start === undefined || end === undefined) return;
  if (inner.position?.start.offset !== start + 1 || inner.position?.end.offset !== end - 1) return;
  // Runs of exactly three on both sides: longer runs pair otherwise in kramdown.
  const char = source[start];
  const three = (from: number) =>
    source[from] === char && source[from + 1] === char && source[from + 2] === char;
  if (!three(start) || source[start + 3] === char || source[start - 1] === char) return;
  if (!three(end - 3) || source[end] === char || source[end - 4] === char) return;
  (node as Nodes).type = 'strong';
  (inner as Nodes).type = 'emphasis';
}

/** The delimiter character an element was written with (`*` or `_`). */
function delimiter(node: Nodes, source: string): string | undefined {
  const start = node.position?.start.offset;
  return start === undefined ? undefined : source[start];
}

/** The element's delimiters as written, around its children; undefined without positions. */
function asText(node: Emphasis | Strong, source: string): RootContent[] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const size = node.type === 'strong' ? 2 : 1;
  const text = (value: string): Text => ({ type: 'text', value });
  return [text(source.slice(start, start + size)), ...node.children, text(source.slice(end - size, end))];
}
