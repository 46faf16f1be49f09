import { factorySpaceMinMax } from 'micromark-factory-space';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { htmlSpanElements } from './kramdown-html-elements.js';

const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;
const leftCurlyBrace = 123;
const caret = 94;
const lessThan = 60;

/**
 * Indented code as kramdown reads it: once a block has started (a line indented by a tab or four
 * spaces), the non-blank lines right after a code line belong to it whatever their indentation
 * (kramdown's lazy code lines), except lines starting an IAL (`{:`), an end-of-block marker (`^`)
 * or HTML.
 */
export function kramdownCodeIndented(): Extension {
  return {
    // Tried before CommonMark's indented code, which stays on: turning it off would let lists
    // and block quotes start at any indentation (micromark ties the two together). Lines such as
    // two spaces and a tab, which kramdown does not take as code, still reach it.
    flowInitial: { [-2]: construct, [-1]: construct, 32: construct },
  };
}

/**
 * `concrete` tells micromark's document tokenizer not to start a new container (a list item, a
 * block quote) on the next line. It is switched on after each non-blank code line, so a lazy
 * line such as `- x` stays code as in kramdown, and off after a blank line, where kramdown ends
 * the block unless the next line is indented.
 */
const construct: Construct = { name: 'kramdownCodeIndented', tokenize, concrete: false };

function setConcrete(value: boolean): void {
  construct.concrete = value;
}

const further: Construct = { partial: true, tokenize: tokenizeFurther };
const rawIndentPrefix: Construct = { partial: true, tokenize: tokenizeRawIndentPrefix };
const blankRest: Construct = { partial: true, tokenize: tokenizeBlankRest };

/**
 * A tab or four spaces before the next non-blank character: the line continues the code. A line
 * of white space only is blank however long it is (kramdown's code lines need `\S`), so the lazy
 * lines after it do not join the code.
 */
function tokenizeRawIndentPrefix(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return factorySpaceMinMax(effects, check, nok, 'linePrefix', 4, 4);

  function check(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    return rawIndent(self) ? effects.check(blankRest, nok, ok)(code) : nok(code);
  }
}

/** White space, if any, up to the end of the line. */
function tokenizeBlankRest(effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.enter('linePrefix');
      return spaces(code);
    }
    return isLineEnding(code) ? ok(code) : nok(code);
  }

  function spaces(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return spaces;
    }
    effects.exit('linePrefix');
    return isLineEnding(code) ? ok(code) : nok(code);
  }
}
const lazyLine: Construct = { partial: true, tokenize: tokenizeLazyLine };

/** Whether the `linePrefix` just tokenized is a tab or four spaces in the source. */
function rawIndent(self: TokenizeContext): boolean {
  const tail = self.events[self.events.length - 1];
  if (tail?.[1].type !== 'linePrefix') return false;
  const chunks = tail[2].sliceStream(tail[1]);
  // Virtual spaces first are what is left of a tab a container (list item) took as its indent.
  let index = 0;
  while (chunks[index] === -1) index += 1;
  if (chunks[index] === -2) return true;
  const rest = chunks
    .slice(index)
    .map((chunk) => (typeof chunk === 'string' ? chunk : chunk === -1 ? ' ' : ''))
    .join('');
  return rest.startsWith('    ');
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('codeIndented');
    return factorySpaceMinMax(effects, checkIndent, nok, 'linePrefix', 4, 4)(code);
  }

  function checkIndent(code: Code): State | undefined {
    return rawIndent(self) ? atBreak(code) : nok(code);
  }

  function atBreak(code: Code): State | undefined {
    if (code === null) return after(code);
    if (isLineEnding(code)) {
      setConcrete(true);
      return effects.attempt(further, atBreak, after)(code);
    }
    effects.enter('codeFlowValue');
    return inside(code);
  }

  function inside(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('codeFlowValue');
      return atBreak(code);
    }
    effects.consume(code);
    return inside;
  }

  function after(code: Code): State | undefined {
    setConcrete(false);
    effects.exit('codeIndented');
    return ok(code);
  }
}

function tokenizeFurther(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let blank = false;
  return lineStart;

  function lineStart(code: Code): State | undefined {
    if (self.parser.lazy[self.now().line]) return nok(code);
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return lineAfterEnding;
    }
    return nok(code);
  }

  function lineAfterEnding(code: Code): State | undefined {
    if (self.parser.lazy[self.now().line]) return nok(code);
    return effects.attempt(rawIndentPrefix, ok, notIndented)(code);
  }

  // A lazy line keeps its white space: kramdown removes only a leading tab or four spaces.
  function notIndented(code: Code): State | undefined {
    return effects.attempt(blankRest, blankLine, notBlank)(code);
  }

  function notBlank(code: Code): State | undefined {
    if (code === null || blank) return nok(code);
    return effects.check(lazyLine, ok, nok)(code);
  }

  function blankLine(code: Code): State | undefined {
    if (code === null) return nok(code);
    blank = true;
    setConcrete(false);
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineAfterEnding;
  }
}

/** A non-blank line that kramdown adds to the code block before it. */
function tokenizeLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let closing = false;
  let word = '';
  return start;

  function start(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.enter('linePrefix');
      return prefix(code);
    }
    return first(code);
  }

  function prefix(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return prefix;
    }
    effects.exit('linePrefix');
    return first(code);
  }

  function first(code: Code): State | undefined {
    if (code === null || isLineEnding(code) || code === caret) return nok(code);
    if (code === leftCurlyBrace) return nok(code);
    if (code === lessThan) {
      // Only looked at: the check is undone, the line is tokenized as code afterwards.
      effects.enter('data');
      effects.consume(code);
      return afterLessThan;
    }
    return ok(code);
  }

  // kramdown's LAZY_END_HTML_START and LAZY_END_HTML_STOP: `<name` or `</name>` of an element
  // other than a span element (or script) ends the block; `<span ...>`, `</em>`, `< 3` do not.

  function afterLessThan(code: Code): State | undefined {
    if (code === slash) {
      effects.consume(code);
      closing = true;
      return nameStart;
    }
    return nameStart(code);
  }

  function nameStart(code: Code): State | undefined {
    if (!isNameStart(code)) return ok(code);
    return name(code);
  }

  function name(code: Code): State | undefined {
    if (isWordChar(code)) {
      word += String.fromCharCode(code as number);
      effects.consume(code);
      return name;
    }
    if (word !== '' && (htmlSpanElements.has(word) || word === 'script')) return ok(code);
    return closing ? closeNameRest(code) : nok(code);
  }

  function closeNameRest(code: Code): State | undefined {
    if (code === dash || code === dot || code === colon || isWordChar(code)) {
      effects.consume(code);
      return closeNameRest;
    }
    return closeAfterName(code);
  }

  function closeAfterName(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return closeAfterName;
    }
    return code === greaterThan ? nok(code) : ok(code);
  }
}

const slash = 47;
const greaterThan = 62;
const dash = 45;
const dot = 46;
const colon = 58;
const isAsciiAlpha = (code: Code): boolean =>
  code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
/** Characters of Ruby's `\w` in ASCII: what decides whether a span element's name ends. */
const isWordChar = (code: Code): boolean =>
  isAsciiAlpha(code) || code === 95 || (code !== null && code >= 48 && code <= 57);
const isNameStart = (code: Code): boolean =>
  isAsciiAlpha(code) || code === 95 || code === colon || (code !== null && code > 127);
