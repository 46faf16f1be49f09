import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownCommentLine: 'kramdownCommentLine';
    kramdownCommentLineComment: 'kramdownCommentLineComment';
    kramdownCommentLineSpace: 'kramdownCommentLineSpace';
  }
}

const lessThan = 60;
const exclamationMark = 33;
const dash = 45;
const greaterThan = 62;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * A one-line HTML comment with text after it (`<!-- ticket -->* item`). kramdown reads the
 * comment as a block and the rest of the line as the start of new blocks, so a list can follow
 * it on the same line. Modelled as a container holding that rest, like a list item that ends with
 * its line (later lines may still continue a paragraph lazily).
 */
export function kramdownCommentLine(): Extension {
  return {
    document: {
      [lessThan]: {
        name: 'kramdownCommentLine',
        tokenize,
        continuation: { tokenize: (_effects, _ok, nok) => nok },
        exit: (effects: Effects) => {
          effects.exit('kramdownCommentLine');
        },
      },
    },
  };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let dashes = 0;
  return start;

  function start(code: Code): State | undefined {
    if (code !== lessThan || self.interrupt) return nok(code);
    effects.enter('kramdownCommentLine', { _container: true });
    effects.enter('kramdownCommentLineComment');
    effects.consume(code);
    return bang;
  }

  function bang(code: Code): State | undefined {
    if (code !== exclamationMark) return nok(code);
    effects.consume(code);
    return openDash;
  }

  function openDash(code: Code): State | undefined {
    if (code !== dash) return nok(code);
    effects.consume(code);
    return openDash2;
  }

  function openDash2(code: Code): State | undefined {
    if (code !== dash) return nok(code);
    effects.consume(code);
    return inside;
  }

  function inside(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    if (code === greaterThan && dashes >= 2) {
      effects.consume(code);
      effects.exit('kramdownCommentLineComment');
      return afterComment;
    }
    dashes = code === dash ? dashes + 1 : 0;
    effects.consume(code);
    return inside;
  }

  function afterComment(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.enter('kramdownCommentLineSpace');
      return space(code);
    }
    return rest(code);
  }

  function space(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return space;
    }
    effects.exit('kramdownCommentLineSpace');
    return rest(code);
  }

  function rest(code: Code): State | undefined {
    // Nothing after the comment: an ordinary HTML block, handled by the flow construct.
    if (code === null || isLineEnding(code)) return nok(code);
    return ok(code);
  }
}
