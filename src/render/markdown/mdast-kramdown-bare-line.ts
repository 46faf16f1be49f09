import type { Parent, PhrasingContent } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';

/** A line of text kramdown keeps outside any paragraph (see `kramdownBareLine`). */
export interface KramdownBareLine extends Parent {
  type: 'kramdownBareLine';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownBareLine: KramdownBareLine;
  }
  interface BlockContentMap {
    kramdownBareLine: KramdownBareLine;
  }
}

/** mdast-util-from-markdown extension for `kramdownBareLine` tokens. */
export function kramdownBareLineFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownBareLine(token) {
        this.enter({ type: 'kramdownBareLine', children: [] } as never, token);
      },
    },
    exit: {
      kramdownBareLine(token) {
        this.exit(token);
      },
    },
  };
}
