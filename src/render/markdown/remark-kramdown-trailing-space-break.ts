import type { Parent, PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * kramdown's break from trailing spaces takes only the last two spaces of the line (its pattern is
 * two spaces before the line ending); any spaces before those stay in the text, so `word    ` at a
 * line end gives `word  <br />`. CommonMark folds the whole run into the break. Only for
 * `input: kramdown`: Jekyll's GFM mode is left as it renders today.
 */
export function remarkKramdownTrailingSpaceBreak() {
  return (tree: Root, file: VFile): undefined => {
    visit(tree, String(file.value ?? ''));
  };
}

function visit(parent: Parent, source: string): void {
  const children = parent.children as PhrasingContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.type === 'break') {
      const kept = keptSpaces(child.position?.start.offset, source);
      if (kept === '') continue;
      const before = children[index - 1];
      if (before?.type === 'text') before.value += kept;
      else {
        children.splice(index, 0, { type: 'text', value: kept });
        index++;
      }
    } else if ('children' in child) visit(child, source);
  }
}

/** The spaces beyond the last two of a trailing-space break starting at `offset`, else ''. */
function keptSpaces(offset: number | undefined, source: string): string {
  if (offset === undefined || source[offset] !== ' ') return '';
  let end = offset;
  while (source[end] === ' ') end++;
  if (source[end] !== '\n' && source[end] !== '\r') return '';
  return ' '.repeat(Math.max(0, end - offset - 2));
}
