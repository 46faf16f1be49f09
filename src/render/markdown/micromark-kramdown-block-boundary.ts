import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

const caret = 94;
const leftCurlyBrace = 123;
const colon = 58;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * kramdown's BLOCK_BOUNDARY, checked at a line ending: the next line is blank, an end-of-block
 * marker `^`, a block IAL `{:`, lazy (outside the current container), or there is none. Blocks
 * that kramdown only accepts before a boundary (tables, block math) check it with this.
 */
export const kramdownBlockBoundary: Construct = { partial: true, tokenize };

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let first: Code | undefined;
  let open = false;
  return eol;

  /** What is looked at must sit in a token; the check undoes it anyway. */
  function take(code: Code): void {
    if (!open) effects.enter('data');
    open = true;
    effects.consume(code);
  }

  function eol(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    if (self.parser.lazy[self.now().line] || code === null || isLineEnding(code)) return ok(code);
    return rest(code);
  }

  function rest(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return yes(code);
    if (isSpace(code) && first === undefined) {
      take(code);
      return rest;
    }
    if (first === undefined) {
      first = code;
      if (code === caret) return yes(code);
      if (code !== leftCurlyBrace) return nok(code);
      take(code);
      return rest;
    }
    return code === colon ? yes(code) : nok(code);
  }

  function yes(code: Code): State | undefined {
    if (open) effects.exit('data');
    return ok(code);
  }
}
