import { codeFenced } from 'micromark-core-commonmark';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { consumeRun } from './micromark-consume-run.js';

const graveAccent = 96;
const tilde = 126;

/** Ruby's `\s` without line endings: space, tab and its virtual spaces, form feed, vertical tab. */
const isSpace = (code: Code): boolean =>
  code !== null && (code === -2 || code === -1 || code === 32 || code === 9 || code === 11 || code === 12);
const isLineEnding = (code: Code): boolean => code !== null && code < -2;

/**
 * kramdown's fenced code (`FENCED_CODEBLOCK_MATCH`) is one pattern over the opening line, the code
 * and the closing line: the opening allows one word after the fence and nothing else, and a fence
 * that is never closed is no code block. Either way the lines are paragraph text, where backticks
 * can start a code span (```` ```Some words here ```` spans lines up to the next ```` ``` ````).
 * A fence that kramdown accepts is tokenized by CommonMark's `codeFenced`.
 */
export function kramdownCodeFenced(): Extension {
  return {
    disable: { null: ['codeFenced'] },
    flow: { [graveAccent]: kramdownCodeFencedConstruct, [tilde]: kramdownCodeFencedConstruct },
  };
}

const infoWithSpaces: Construct = { partial: true, tokenize: tokenizeInfoWithSpaces };
const closed: Construct = { partial: true, tokenize: tokenizeClosed };

const kramdownCodeFencedConstruct: Construct = {
  name: 'kramdownCodeFenced',
  concrete: true,
  tokenize(effects, ok, nok) {
    const fence = (code: Code) => codeFenced.tokenize.call(this, effects, ok, nok)(code);
    return effects.check(infoWithSpaces, nok, effects.check(closed, fence, nok));
  },
};

/** Succeeds on a fence line whose info string holds white space between two words. */
function tokenizeInfoWithSpaces(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let marker: Code = null;
  let size = 0;
  return sequence;

  function sequence(code: Code): State | undefined {
    if (marker === null) marker = code;
    if (code === marker) {
      effects.enter('data');
      effects.consume(code);
      effects.exit('data');
      size += 1;
      return sequence;
    }
    return size >= 3 ? beforeWord(code) : nok(code);
  }

  function beforeWord(code: Code): State | undefined {
    if (isSpace(code)) return consume(code, beforeWord);
    if (code === null || isLineEnding(code)) return nok(code);
    return word(code);
  }

  function word(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    if (isSpace(code)) return consume(code, afterWord);
    return consume(code, word);
  }

  function afterWord(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    if (isSpace(code)) return consume(code, afterWord);
    return ok(code);
  }

  function consume(code: Code, next: State): State {
    effects.enter('data');
    effects.consume(code);
    effects.exit('data');
    return next;
  }
}

/**
 * Succeeds when a later line of the same container closes the fence: up to three spaces, at
 * least as many of the same marker, then only white space. The end of the container (or a lazy
 * line) ends the search.
 */
function tokenizeClosed(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let marker: Code = null;
  let size = 0;
  let count = 0;
  let indent = 0;
  // One `data` token per run of characters, not one per character: this check reads the whole
  // code block ahead, and a token per character was most of its cost.
  let open = false;
  return opening;

  function opening(code: Code): State | undefined {
    if (marker === null) marker = code;
    if (code === marker) {
      size += 1;
      return consume(code, opening);
    }
    // Not a fence at all: fail before reading later lines, which would hide them from the
    // constructs that may interrupt the paragraph this line starts.
    return size >= 3 ? restOfLine(code) : nok(code);
  }

  function restOfLine(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (isLineEnding(code)) {
      close();
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return lineStart;
    }
    openData();
    consumeRun(effects, code);
    return restOfLine;
  }

  function lineStart(code: Code): State | undefined {
    if (self.parser.lazy[self.now().line]) return nok(code);
    indent = 0;
    count = 0;
    return beforeMarker(code);
  }

  function beforeMarker(code: Code): State | undefined {
    // What is left of a tab the container's indent took counts as one space.
    if ((code === 32 || code === -1 || code === -2) && indent < 3) {
      indent += 1;
      return consume(code, beforeMarker);
    }
    return markers(code);
  }

  function markers(code: Code): State | undefined {
    if (code === marker) {
      count += 1;
      return consume(code, markers);
    }
    return count >= size ? afterMarkers(code) : restOfLine(code);
  }

  function afterMarkers(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      close();
      return ok(code);
    }
    if (isSpace(code)) return consume(code, afterMarkers);
    return restOfLine(code);
  }

  function consume(code: Code, next: State): State {
    openData();
    effects.consume(code);
    return next;
  }

  function openData(): void {
    if (!open) {
      effects.enter('data');
      open = true;
    }
  }

  function close(): void {
    if (open) {
      effects.exit('data');
      open = false;
    }
  }
}
