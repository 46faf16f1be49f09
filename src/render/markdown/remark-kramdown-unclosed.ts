import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * Reports HTML block elements that kramdown closed only at the end of their parent because their
 * end tag never came (an include that opens `<div markdown="1">` and never closes it swallows the
 * rest of the page). A message per element, at its start tag; the checker decides what to do.
 */
export function remarkKramdownUnclosed() {
  return (tree: Root, file: VFile): undefined => {
    const visit = (node: Nodes): void => {
      if (node.type === 'kramdownHtmlElement') {
        const data = node.data as { kramdownUnclosed?: boolean } | undefined;
        if (data?.kramdownUnclosed && node.position) {
          const message = file.message(`<${node.tagName}> is opened here and never closed`, {
            place: node.position.start,
            ruleId: 'unclosed-block',
            source: 'html',
          });
          message.fatal = undefined;
        }
      }
      if (node.type === 'html') {
        const tagName = (node.data as { kramdownUnclosed?: string } | undefined)?.kramdownUnclosed;
        if (tagName && node.position) {
          const message = file.message(`<${tagName}> is opened here and never closed`, {
            place: node.position.start,
            ruleId: 'unclosed-block',
            source: 'html',
          });
          message.fatal = undefined;
        }
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}
