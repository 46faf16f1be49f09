import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownBareLine: 'kramdownBareLine';
  }
}

const tab = -2;
const virtualSpace = -1;
const space = 32;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;

/**
 * A line that starts with one to three spaces and then a tab. No kramdown block parser takes it:
 * it is not indented code (that needs a tab or four spaces first), nor a paragraph (whose first
 * character after up to three spaces must not be white space). kramdown then adds the line as
 * bare text, with its spans parsed, outside any paragraph.
 */
export function kramdownBareLine(): Extension {
  const construct = { name: 'kramdownBareLine', tokenize };
  // Only literal spaces: a virtual one is what a list item left of a leading tab, and kramdown
  // has turned the line's leading tabs into spaces before it looks at the item's lines.
  return { flowInitial: { [space]: construct } };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let spaces = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('kramdownBareLine');
    effects.enter('chunkText', { contentType: 'text' });
    return prefix(code);
  }

  function prefix(code: Code): State | undefined {
    if (code === space && spaces < 3) {
      effects.consume(code);
      spaces += 1;
      return prefix;
    }
    if (code !== tab || spaces === 0) return nok(code);
    return afterTab(code);
  }

  function afterTab(code: Code): State | undefined {
    if (code === tab || code === virtualSpace || code === space) {
      effects.consume(code);
      return afterTab;
    }
    if (code === null || isLineEnding(code)) return nok(code);
    return rest(code);
  }

  function rest(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('chunkText');
      effects.exit('kramdownBareLine');
      return ok(code);
    }
    effects.consume(code);
    return rest;
  }
}
