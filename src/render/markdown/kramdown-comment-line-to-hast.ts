import type { ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownCommentLine } from './mdast-kramdown-comment-line.js';

/** The comment as raw HTML, then the blocks that followed it on its line, as siblings. */
export function kramdownCommentLineToHast(state: State, node: KramdownCommentLine): ElementContent[] {
  const raw = { type: 'raw', value: node.comment } as unknown as ElementContent;
  return [raw, ...state.all(node)];
}
