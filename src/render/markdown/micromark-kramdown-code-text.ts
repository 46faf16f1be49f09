import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { consumeRun } from './micromark-consume-run.js';

const backtick = 96;
const space = 32;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isBacktick = (code: number): boolean => code === backtick;
const isBacktickOrSpace = (code: number): boolean => code === backtick || code === space;
/** Ruby's `\s`: space, tab, line endings (micromark's virtual spaces of a tab included). */
const isWhiteSpace = (code: Code): boolean => code !== null && (code < 0 || code === space || code === 12);

/**
 * kramdown's code spans (parser/kramdown/codespan.rb) in place of CommonMark's: a lone backtick
 * with white space (or the start) before it and white space after it is text; a span ends at the
 * first run of as many backticks as opened it, even inside a longer run; a span opened by two or
 * more backticks loses one space at each end, one opened by a single backtick keeps them.
 * Emits micromark's own code text tokens, so the mdast `inlineCode` node is made as usual.
 */
export function kramdownCodeText(): Extension {
  const construct: Construct = { name: 'kramdownCodeText', tokenize: tokenizeCodeText };
  return { text: { [backtick]: construct }, disable: { null: ['codeText'] } };
}

function tokenizeCodeText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const closing: Construct = { tokenize: tokenizeClosing, partial: true };
  const lastSpace: Construct = { tokenize: tokenizeLastSpace, partial: true };
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    // The middle of a run that did not open a span; after a span that closed inside a longer run,
    // the rest of the run opens again, as kramdown scans on from the end of the span.
    const tail = self.events[self.events.length - 1];
    if (self.previous === backtick && tail?.[1].type !== 'codeText') return nok(code);
    return effects.check({ tokenize: tokenizeSpan, partial: true }, open, nok)(code);
  }

  function open(code: Code): State | undefined {
    effects.enter('codeText');
    effects.enter('codeTextSequence');
    return openSequence(code);
  }

  function openSequence(code: Code): State | undefined {
    if (code === backtick) {
      size++;
      effects.consume(code);
      return openSequence;
    }
    effects.exit('codeTextSequence');
    if (size > 1 && code === space) {
      effects.enter('codeTextPadding');
      effects.consume(code);
      effects.exit('codeTextPadding');
      return inside;
    }
    return inside(code);
  }

  /** At a content character; the check guaranteed a closing run ahead. */
  function inside(code: Code): State | undefined {
    if (code === backtick) return effects.attempt(closing, done, data)(code);
    if (size > 1 && code === space) return effects.attempt(lastSpace, done, data)(code);
    return data(code);
  }

  function data(code: Code): State | undefined {
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return inside;
    }
    // One token for the run up to the next character `inside` must look at.
    effects.enter('codeTextData');
    consumeRun(effects, code, size > 1 ? isBacktickOrSpace : isBacktick);
    effects.exit('codeTextData');
    return inside;
  }

  function done(code: Code): State | undefined {
    effects.exit('codeText');
    return ok(code);
  }

  /** `size` backticks: the closing sequence. */
  function tokenizeClosing(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let seen = 0;
    return function first(code: Code): State | undefined {
      effects.enter('codeTextSequence');
      return more(code);
    };
    function more(code: Code): State | undefined {
      if (code !== backtick) return nok(code);
      effects.consume(code);
      seen++;
      if (seen < size) return more;
      effects.exit('codeTextSequence');
      return ok;
    }
  }

  /** One space right before the closing sequence: padding kramdown strips. */
  function tokenizeLastSpace(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return function padding(code: Code): State | undefined {
      effects.enter('codeTextPadding');
      effects.consume(code);
      effects.exit('codeTextPadding');
      return effects.attempt(closing, ok, nok);
    };
  }
}

/** Whether a span opens here: the opening run, the lone-backtick rule, then a closing run ahead. */
function tokenizeSpan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const before = this.previous;
  let size = 0;
  let run = 0;
  return function enter(code: Code): State | undefined {
    // micromark's development build wants every consumed code inside a token.
    effects.enter('codeText');
    return opening(code);
  };

  function opening(code: Code): State | undefined {
    if (code === backtick) {
      size++;
      effects.consume(code);
      return opening;
    }
    if (size === 1 && (before === null || isWhiteSpace(before)) && isWhiteSpace(code)) return nok(code);
    return content(code);
  }

  function content(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (code === backtick) {
      run++;
      effects.consume(code);
      if (run < size) return content;
      effects.exit('codeText');
      return ok;
    }
    run = 0;
    consumeRun(effects, code, isBacktick);
    return content;
  }
}
