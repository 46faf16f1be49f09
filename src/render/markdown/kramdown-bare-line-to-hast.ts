import type { ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownBareLine } from './mdast-kramdown-bare-line.js';

/** The line's inline content with no element around it. */
export function kramdownBareLineToHast(state: State, node: KramdownBareLine): ElementContent[] {
  return state.all(node);
}
