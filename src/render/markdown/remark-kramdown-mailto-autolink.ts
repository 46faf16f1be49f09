import type { Parent, Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * kramdown shows `<mailto:ann@example.com>` as the address alone (its autolink text drops the
 * `mailto:` scheme); CommonMark keeps the scheme in the text. Only for `input: kramdown`.
 */
export function remarkKramdownMailtoAutolink() {
  return (tree: Root, file: VFile): undefined => {
    visit(tree, String(file.value ?? ''));
  };
}

function visit(parent: Parent, source: string): void {
  for (const child of parent.children) {
    if (child.type === 'link' && /^mailto:/i.test(child.url) && child.children.length === 1) {
      const text = child.children[0];
      // Only an autolink (`<...>` in the source), not `[mailto:x](mailto:x)` written out.
      const end = child.position?.end.offset;
      if (text.type === 'text' && text.value === child.url && end !== undefined && source[end - 1] === '>')
        text.value = child.url.slice('mailto:'.length);
    } else if ('children' in child) visit(child, source);
  }
}
