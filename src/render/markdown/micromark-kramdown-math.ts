import type { Literal } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { kramdownBlockBoundary } from './micromark-kramdown-block-boundary.js';
import { spanConsumer } from './micromark-kramdown-extension-span.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownMathBlock: 'kramdownMathBlock';
    kramdownMathSpan: 'kramdownMathSpan';
    kramdownMathBlockLine: 'kramdownMathBlockLine';
    kramdownMathDroppedEscape: 'kramdownMathDroppedEscape';
  }
}

/** `$$...$$` standing alone as a block. */
export interface KramdownMath extends Literal {
  type: 'kramdownMath';
}

/** `$$...$$` inside a paragraph. */
export interface KramdownInlineMath extends Literal {
  type: 'kramdownInlineMath';
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownMath: KramdownMath;
    kramdownInlineMath: KramdownInlineMath;
  }
  interface BlockContentMap {
    kramdownMath: KramdownMath;
  }
  interface PhrasingContentMap {
    kramdownInlineMath: KramdownInlineMath;
  }
}

const dollar = 36;
const backslash = 92;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * kramdown's math (parser/kramdown/math.rb and block_math): `$$...$$` (over lines too, up to the
 * first closing `$$`) is block math when it starts after a block boundary and ends before one
 * (a blank line, `^`, a block IAL or the end), else span math inside the paragraph.
 */
export function kramdownMath(): Extension {
  return {
    flow: { [dollar]: { name: 'kramdownMathBlock', tokenize: tokenizeBlock, concrete: true } },
    text: {
      [dollar]: { name: 'kramdownMathSpan', tokenize: tokenizeSpan },
      [backslash]: { name: 'kramdownMathEscapedBlock', tokenize: tokenizeEscapedBlock },
    },
  };
}

/**
 * `\$$...$$` alone on the first line(s) of a paragraph: kramdown's block math parser sees it, drops
 * the backslash and leaves the rest to the paragraph, where `$$...$$` is span math (math.rb). The
 * backslash becomes a token no node is made from. After other text the backslash escapes the `$`.
 */
function tokenizeEscapedBlock(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    if (self.previous !== null || code !== backslash) return nok(code);
    return effects.check({ tokenize: tokenizeAlone, partial: true }, drop, nok)(code);
  }

  function drop(code: Code): State | undefined {
    effects.enter('kramdownMathDroppedEscape');
    effects.consume(code);
    effects.exit('kramdownMathDroppedEscape');
    return ok;
  }
}

/** `\$$...$$`, optional spaces, then the end of the line or of the paragraph. */
function tokenizeAlone(effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('kramdownMathDroppedEscape');
    effects.consume(code);
    return dollars(effects, after, nok, (c, resume) => {
      effects.consume(c);
      return resume;
    });
  }

  function after(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return after;
    }
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('kramdownMathDroppedEscape');
    return ok(code);
  }
}

/**
 * Consumes `$$`, content, `$$` (with `consume`, effects.consume by default); `next` gets the code
 * after. Line endings stay in the content.
 */
function dollars(
  effects: Effects,
  next: State,
  nok: State,
  lineEnding: (code: Code, resume: State) => State | undefined,
  consume: (code: Code) => void = (code) => effects.consume(code),
): State {
  let closing = 0;
  return open1;

  function open1(code: Code): State | undefined {
    if (code !== dollar) return nok(code);
    effects.consume(code);
    return open2;
  }

  function open2(code: Code): State | undefined {
    if (code !== dollar) return nok(code);
    effects.consume(code);
    return inside;
  }

  function inside(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (isLineEnding(code)) {
      closing = 0;
      return lineEnding(code, inside);
    }
    if (code === dollar) {
      closing++;
      consume(code);
      return closing === 2 ? next : inside;
    }
    closing = 0;
    consume(code);
    return inside;
  }
}

function tokenizeSpan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const span = spanConsumer(effects);
  return start;

  function start(code: Code): State | undefined {
    // `$$$` after a `$`: kramdown's scan starts at the first `$$`.
    if (self.previous === dollar) return nok(code);
    effects.enter('kramdownMathSpan');
    return dollars(
      effects,
      done,
      nok,
      (c, resume) => {
        span.take(c);
        return resume;
      },
      span.take,
    )(code);
  }

  function done(code: Code): State | undefined {
    span.close();
    effects.exit('kramdownMathSpan');
    return ok(code);
  }
}

function tokenizeBlock(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const boundary = kramdownBlockBoundary;
  let resume: State;
  return start;

  function start(code: Code): State | undefined {
    if (self.interrupt) return nok(code);
    effects.enter('kramdownMathBlock');
    effects.enter('kramdownMathBlockLine');
    return dollars(effects, after, nok, (c, inside) => {
      resume = inside;
      effects.exit('kramdownMathBlockLine');
      effects.enter('lineEnding');
      effects.consume(c);
      effects.exit('lineEnding');
      return lineStart;
    })(code);
  }

  function lineStart(code: Code): State | undefined {
    if (self.parser.lazy[self.now().line]) return nok(code);
    effects.enter('kramdownMathBlockLine');
    return resume(code);
  }

  function after(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return after;
    }
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('kramdownMathBlockLine');
    if (code === null) return done(code);
    return effects.check(boundary, done, nok)(code);
  }

  function done(code: Code): State | undefined {
    effects.exit('kramdownMathBlock');
    return ok(code);
  }
}

/** The math tokens as `kramdownMath` / `kramdownInlineMath` nodes holding the text between `$$`. */
export function kramdownMathFromMarkdown(): FromMarkdownExtension {
  const value = (source: string) => source.trim().slice(2, -2);
  return {
    enter: {
      kramdownMathBlock(token) {
        this.enter({ type: 'kramdownMath', value: '' } as never, token);
      },
      kramdownMathSpan(token) {
        this.enter({ type: 'kramdownInlineMath', value: '' } as never, token);
      },
    },
    exit: {
      kramdownMathBlock(token) {
        const node = this.stack[this.stack.length - 1] as KramdownMath;
        node.value = value(this.sliceSerialize(token)).trim();
        this.exit(token);
      },
      kramdownMathSpan(token) {
        const node = this.stack[this.stack.length - 1] as KramdownInlineMath;
        node.value = value(this.sliceSerialize(token)).trim();
        this.exit(token);
      },
    },
  };
}
