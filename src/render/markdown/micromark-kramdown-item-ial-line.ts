import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownItemIalProbe: 'kramdownItemIalProbe';
  }
}

const isLineEnding = (code: Code): boolean => code !== null && code < -2;

/** kramdown's `LIST_ITEM_IAL_CHECK` on what follows the marker: an IAL (no ALD, no `{:/`), then white space only. */
const ialOnly = /^\{:(?![\w-]*:|\/)(?:\\\}|[^}])+\}[ \t]*$/;

/**
 * Look-ahead (use with `effects.check`) for a list item or definition whose first line holds
 * nothing but an IAL: kramdown then indents the item's content by four columns, whatever the
 * marker's width. What it reads sits in a probe token the check undoes.
 */
export const itemIalOnlyLine: Construct = { partial: true, tokenize };

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let line = '';
  return start;

  function start(code: Code): State | undefined {
    if (code !== 123) return nok(code);
    effects.enter('kramdownItemIalProbe');
    return inside(code);
  }

  function inside(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('kramdownItemIalProbe');
      return ialOnly.test(line) ? ok(code) : nok(code);
    }
    line += code === -2 ? '\t' : code === -1 ? ' ' : String.fromCharCode(code);
    effects.consume(code);
    return inside;
  }
}
