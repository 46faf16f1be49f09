import type { Code } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';

/**
 * The value of an indented code block as kramdown computes it from the block's lines (what is
 * left of them after any list item's indentation): a lazy line, one with at most three spaces
 * before its text, is joined to the line before with a space, and then a tab or four spaces are
 * taken off the start of every line. Other white space, tabs included, stays.
 */
export function kramdownCodeIndentedFromMarkdown(): FromMarkdownExtension {
  return {
    exit: {
      codeIndented(token) {
        this.resume();
        const node = this.stack[this.stack.length - 1] as Code;
        node.value = this.sliceSerialize(token)
          .replace(/\n( {0,3}\S)/g, ' $1')
          .replace(/^(?:\t| {4})/gm, '')
          .replace(/\n$/, '');
        this.exit(token);
      },
    },
  };
}
