import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const lessThan = 60;
const backslash = 92;
const graveAccent = 96;
/** Ruby's `\s`: space, tab (and its virtual spaces), line endings, form feed, vertical tab. */
const isWhitespace = (code: Code): boolean =>
  code === null ? false : code < 0 || code === 32 || code === 9 || code === 11 || code === 12;

/** ASCII punctuation kramdown's own parser lets a backslash escape (parser/kramdown/escaped_chars.rb). */
const KRAMDOWN_ESCAPABLE = new Set('\\.*_+-`()[]{}#!:|"\'$=<>');

/**
 * Text that kramdown reads before anything else could claim it:
 * - `<<` is a typographic symbol (a guillemet, later), so `<<is>>` is no HTML tag;
 * - a single backtick with white space (or the start of the text) before it and white space after
 *   it opens no code span (parser/kramdown/codespan.rb), so `` ` /path` `` keeps both backticks;
 * - with `input: kramdown`, a backslash before punctuation kramdown cannot escape (`\&`, `\@`)
 *   stays, where CommonMark would drop it.
 * Both are read as plain text (`data`), which merges into the text around it.
 */
export function kramdownTextLiterals(options: { kramdownEscapes: boolean }): Extension {
  const text: Extension['text'] = {
    [lessThan]: { name: 'kramdownGuillemet', tokenize: tokenizeGuillemet },
    // `previous` also keeps the text tokenizer from trying code spans inside a backtick run.
    [graveAccent]: {
      name: 'kramdownLoneBacktick',
      tokenize: tokenizeLoneBacktick,
      previous: isWhitespaceOrStart,
    },
  };
  if (options.kramdownEscapes) text[backslash] = { name: 'kramdownBackslash', tokenize: tokenizeBackslash };
  return { text };
}

function tokenizeGuillemet(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('data');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code !== lessThan) return nok(code);
    effects.consume(code);
    effects.exit('data');
    return ok;
  }
}

function tokenizeBackslash(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('data');
    effects.consume(code);
    return after;
  }

  function after(code: Code): State | undefined {
    const punctuation =
      code !== null &&
      ((code >= 33 && code <= 47) ||
        (code >= 58 && code <= 64) ||
        (code >= 91 && code <= 96) ||
        (code >= 123 && code <= 126));
    if (!punctuation || KRAMDOWN_ESCAPABLE.has(String.fromCharCode(code))) return nok(code);
    effects.exit('data');
    return ok(code);
  }
}

function isWhitespaceOrStart(code: Code): boolean {
  return code === null || isWhitespace(code);
}

function tokenizeLoneBacktick(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const previous = this.previous;
  return start;

  function start(code: Code): State | undefined {
    if (!isWhitespaceOrStart(previous)) return nok(code);
    effects.enter('data');
    effects.consume(code);
    return after;
  }

  function after(code: Code): State | undefined {
    if (!isWhitespace(code)) return nok(code);
    effects.exit('data');
    return ok(code);
  }
}
