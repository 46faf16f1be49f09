import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { readInlineOptions, setParseOptions } from './kramdown-inline-options.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownBlockIal: 'kramdownBlockIal';
    kramdownSpanIal: 'kramdownSpanIal';
    kramdownExtension: 'kramdownExtension';
    kramdownExtensionStart: 'kramdownExtensionStart';
    kramdownExtensionBody: 'kramdownExtensionBody';
    kramdownExtensionEnd: 'kramdownExtensionEnd';
  }
}

const leftCurlyBrace = 123;
const rightCurlyBrace = 125;
const colon = 58;
const slash = 47;
const backslash = 92;

const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;
const isWordChar = (code: Code): boolean =>
  code !== null &&
  ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95);

/**
 * micromark syntax extension for kramdown's attribute lists and extensions:
 * - a line `{: .class #id key="v"}` or `{:name: ...}` (block IAL, ALD) as a `kramdownBlockIal` token;
 * - `{:...}` inside text (span IAL) as a `kramdownSpanIal` token;
 * - `{::options ... /}`, `{::comment}...{:/comment}`, `{::nomarkdown}...{:/}` on their own lines as
 *   `kramdownExtension` tokens.
 * Tokenising them keeps them out of the text; `remarkKramdownIal` attaches or drops them.
 */
export function kramdownIal(): Extension {
  return {
    flow: { [leftCurlyBrace]: [kramdownExtensionFlow, kramdownBlockIalFlow] },
    text: { [leftCurlyBrace]: kramdownSpanIalText },
  };
}

/** A block IAL or ALD line. */
export const kramdownBlockIalFlow: Construct = { name: 'kramdownBlockIal', tokenize: tokenizeBlockIal };

/** A span IAL in text. */
export const kramdownSpanIalText: Construct = { name: 'kramdownSpanIal', tokenize: tokenizeSpanIal };

const EXTENSION_NAMES = ['comment', 'nomarkdown', 'options'];

/** A block extension `{::name ...}`. */
export const kramdownExtensionFlow: Construct = {
  name: 'kramdownExtension',
  concrete: true,
  tokenize: tokenizeExtension,
};

/**
 * Tokenises `{:` content `}` (content: not starting with `:` or `/`, `\}` escapes a brace).
 * `next` receives the code after `}`.
 */
function attributeList(effects: Effects, next: State, nok: State, multiline: boolean): State {
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    if (code !== leftCurlyBrace) return nok(code);
    effects.consume(code);
    return afterBrace;
  }

  function afterBrace(code: Code): State | undefined {
    if (code !== colon) return nok(code);
    effects.consume(code);
    return first;
  }

  function first(code: Code): State | undefined {
    if (code === colon || code === slash) return nok(code);
    return inside(code);
  }

  function inside(code: Code): State | undefined {
    if (code === null || (!multiline && isLineEnding(code))) return nok(code);
    if (code === rightCurlyBrace) {
      if (size === 0) return nok(code);
      effects.consume(code);
      return next;
    }
    size++;
    effects.consume(code);
    return code === backslash ? escaped : inside;
  }

  function escaped(code: Code): State | undefined {
    if (code === rightCurlyBrace) {
      size++;
      effects.consume(code);
      return inside;
    }
    return inside(code);
  }
}

function tokenizeBlockIal(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('kramdownBlockIal');
    return attributeList(effects, after, nok, false)(code);
  }

  function after(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return after;
    }
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('kramdownBlockIal');
    return ok(code);
  }
}

function tokenizeSpanIal(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('kramdownSpanIal');
    return attributeList(effects, after, nok, false)(code);
  }

  function after(code: Code): State | undefined {
    effects.exit('kramdownSpanIal');
    return ok(code);
  }
}

function tokenizeExtension(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const endLine: Construct = { partial: true, tokenize: tokenizeEndLine };
  let name = '';
  /** The start tag as read, for `{::options}`. */
  let tag = '{::';
  let selfClosing = false;
  return start;

  function start(code: Code): State | undefined {
    if (code !== leftCurlyBrace) return nok(code);
    effects.enter('kramdownExtension');
    effects.enter('kramdownExtensionStart');
    effects.consume(code);
    return colon1;
  }

  function colon1(code: Code): State | undefined {
    if (code !== colon) return nok(code);
    effects.consume(code);
    return colon2;
  }

  function colon2(code: Code): State | undefined {
    if (code !== colon) return nok(code);
    effects.consume(code);
    return nameState;
  }

  function nameState(code: Code): State | undefined {
    if (isWordChar(code)) {
      name += String.fromCharCode(code as number);
      effects.consume(code);
      return nameState;
    }
    // kramdown ignores other extensions: the lines stay text.
    if (!EXTENSION_NAMES.includes(name)) return nok(code);
    tag += name;
    return options(code);
  }

  function options(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    if (code === rightCurlyBrace) {
      effects.consume(code);
      return afterStart;
    }
    selfClosing = code === slash;
    tag += String.fromCharCode(code < 0 ? 32 : code);
    effects.consume(code);
    return options;
  }

  function afterStart(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return afterStart;
    }
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('kramdownExtensionStart');
    if (selfClosing) return done(code);
    return lineAfter(code);
  }

  /** At the end of a line inside the extension: continue when the next line belongs to it. */
  function lineAfter(code: Code): State | undefined {
    // Never closed: kramdown reads the lines as a paragraph.
    if (code === null) return nok(code);
    return effects.check(nonLazyEol, lineEnding, nok)(code);
  }

  function lineEnding(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    return effects.attempt(endLine, done, bodyLine)(code);
  }

  function bodyLine(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return lineAfter(code);
    effects.enter('kramdownExtensionBody');
    return body(code);
  }

  function body(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('kramdownExtensionBody');
      return lineAfter(code);
    }
    effects.consume(code);
    return body;
  }

  function done(code: Code): State | undefined {
    effects.exit('kramdownExtension');
    // kramdown changes its parser's options right here, for the rest of the page.
    if (name === 'options') setParseOptions(self.parser, readInlineOptions(`${tag}}`));
    return ok(code);
  }

  /** `{:/}` or `{:/name}` alone on a line (closing the body). */
  function tokenizeEndLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let index = 0;
    return start;

    function start(code: Code): State | undefined {
      if (code !== leftCurlyBrace && !isSpace(code)) return nok(code);
      effects.enter('kramdownExtensionEnd');
      return leading(code);
    }

    function leading(code: Code): State | undefined {
      if (isSpace(code)) {
        effects.consume(code);
        return leading;
      }
      if (code !== leftCurlyBrace) return nok(code);
      effects.consume(code);
      return colonState;
    }

    function colonState(code: Code): State | undefined {
      if (code !== colon) return nok(code);
      effects.consume(code);
      return slashState;
    }

    function slashState(code: Code): State | undefined {
      if (code !== slash) return nok(code);
      effects.consume(code);
      return nameOrBrace;
    }

    function nameOrBrace(code: Code): State | undefined {
      if (code === rightCurlyBrace && (index === 0 || index === name.length)) {
        effects.consume(code);
        return trailing;
      }
      if (index < name.length && code === name.charCodeAt(index)) {
        index++;
        effects.consume(code);
        return nameOrBrace;
      }
      return nok(code);
    }

    function trailing(code: Code): State | undefined {
      if (isSpace(code)) {
        effects.consume(code);
        return trailing;
      }
      if (code !== null && !isLineEnding(code)) return nok(code);
      effects.exit('kramdownExtensionEnd');
      return ok(code);
    }
  }
}

const nonLazyEol: Construct = { partial: true, tokenize: tokenizeNonLazyEol };

function tokenizeNonLazyEol(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return after;
  }

  function after(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code);
  }
}
