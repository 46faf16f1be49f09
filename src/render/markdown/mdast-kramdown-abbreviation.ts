import type { Node } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';

/** An abbreviation definition `*[name]: title`; removed from the tree once applied. */
export interface KramdownAbbreviationDefinition extends Node {
  type: 'kramdownAbbreviationDefinition';
  name: string;
  title: string;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownAbbreviationDefinition: KramdownAbbreviationDefinition;
  }
  interface BlockContentMap {
    kramdownAbbreviationDefinition: KramdownAbbreviationDefinition;
  }
}

/** mdast-util-from-markdown extension: abbreviation tokens become definition nodes. */
export function kramdownAbbreviationFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownAbbreviation(token) {
        this.enter({ type: 'kramdownAbbreviationDefinition', name: '', title: '' } as never, token);
      },
    },
    exit: {
      kramdownAbbreviationName(token) {
        const node = this.stack[this.stack.length - 1] as unknown as KramdownAbbreviationDefinition;
        node.name = this.sliceSerialize(token);
      },
      kramdownAbbreviationTitle(token) {
        const node = this.stack[this.stack.length - 1] as unknown as KramdownAbbreviationDefinition;
        node.title = this.sliceSerialize(token).trim();
      },
      kramdownAbbreviation(token) {
        this.exit(token);
      },
    },
  };
}
