import type { BlockContent, Parent } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';

/** A one-line comment (`comment`, raw) and the blocks parsed from the rest of its line. */
export interface KramdownCommentLine extends Parent {
  type: 'kramdownCommentLine';
  comment: string;
  children: BlockContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownCommentLine: KramdownCommentLine;
  }
  interface BlockContentMap {
    kramdownCommentLine: KramdownCommentLine;
  }
}

/** mdast-util-from-markdown extension for `kramdownCommentLine` containers. */
export function kramdownCommentLineFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownCommentLine(token) {
        this.enter({ type: 'kramdownCommentLine', comment: '', children: [] } as never, token);
      },
    },
    exit: {
      kramdownCommentLineComment(token) {
        const node = this.stack[this.stack.length - 1] as unknown as KramdownCommentLine;
        node.comment = this.sliceSerialize(token);
      },
      kramdownCommentLine(token) {
        this.exit(token);
      },
    },
  };
}
