import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const backslash = 92;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;

/**
 * kramdown's explicit line break: two backslashes at the end of a line (`line\\`) give `<br />`.
 * CommonMark's single-backslash break (`line\`) stays on: kramdown's GFM parser, Jekyll's default
 * input, makes it a break too when `hard_wrap` is off (kramdown-parser-gfm, since kramdown PR 520).
 * Breaks from two trailing spaces stay as CommonMark makes them.
 */
export function kramdownLineBreak(): Extension {
  return { text: { [backslash]: { name: 'kramdownLineBreak', tokenize } } };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    if (code !== backslash) return nok(code);
    effects.enter('hardBreakEscape');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code !== backslash) return nok(code);
    effects.consume(code);
    return end;
  }

  function end(code: Code): State | undefined {
    if (!isLineEnding(code)) return nok(code);
    effects.exit('hardBreakEscape');
    return ok(code);
  }
}
