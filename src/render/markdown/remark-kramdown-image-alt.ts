import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/** kramdown's escapable characters (parser/kramdown/escaped_chars.rb). */
const ESCAPED_CHARS = /\\([\\.*_+`<>()[\]{}#!:|"'$=-])/g;

/**
 * kramdown's image alt text is the text between `![` and its `]` as written, only backslash
 * escapes resolved: `![alt ![img](x.png) text](y.png)` keeps `alt ![img](x.png) text`, and
 * `![a *b*](x.png)` keeps the stars, where remark keeps only the text of the parsed label.
 */
export function remarkKramdownImageAlt() {
  return (tree: Root, file: VFile): undefined => {
    const source = typeof file.value === 'string' ? file.value : '';
    const visit = (node: Nodes): void => {
      if (node.type === 'image' || node.type === 'imageReference') {
        const alt = writtenLabel(source, node.position?.start.offset);
        if (alt !== undefined) node.alt = alt.replace(ESCAPED_CHARS, '$1');
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

/** The label of the image starting at `start` (`![...]`, brackets balanced), if the source has one there. */
function writtenLabel(source: string, start: number | undefined): string | undefined {
  if (start === undefined || source[start] !== '!' || source[start + 1] !== '[') return undefined;
  let depth = 1;
  for (let index = start + 2; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return source.slice(start + 2, index);
  }
  return undefined;
}
