import type { Node } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownEndOfBlock: 'kramdownEndOfBlock';
  }
}

const caret = 94;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * kramdown's end-of-block marker: a line holding only `^` ends the paragraph, list or quote
 * before it (so two lists written one after the other stay two lists) and prints nothing. It
 * interrupts a paragraph, also a lazy one in a list item or quote. It becomes a
 * `kramdownEndOfBlock` mdast node only so that block transforms (definition lists) see the
 * separation; they remove it.
 */
export function kramdownEndOfBlock(): Extension {
  return { flow: { [caret]: { name: 'kramdownEndOfBlock', tokenize } } };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    if (code !== caret) return nok(code);
    effects.enter('kramdownEndOfBlock');
    effects.consume(code);
    return after;
  }

  function after(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return after;
    }
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('kramdownEndOfBlock');
    return ok(code);
  }
}

/** The marker node: separates blocks that would otherwise merge, removed before HTML. */
export interface KramdownEndOfBlock extends Node {
  type: 'kramdownEndOfBlock';
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownEndOfBlock: KramdownEndOfBlock;
  }
  interface BlockContentMap {
    kramdownEndOfBlock: KramdownEndOfBlock;
  }
}

/** mdast-util-from-markdown extension: the marker token becomes a `kramdownEndOfBlock` node. */
export function kramdownEndOfBlockFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownEndOfBlock(token) {
        this.enter({ type: 'kramdownEndOfBlock', children: [] } as never, token);
      },
    },
    exit: {
      kramdownEndOfBlock(token) {
        const node = this.stack[this.stack.length - 1] as { children?: unknown };
        delete node.children;
        this.exit(token);
      },
    },
  };
}
