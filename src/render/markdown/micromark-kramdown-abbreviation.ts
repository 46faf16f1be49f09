import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownAbbreviation: 'kramdownAbbreviation';
    kramdownAbbreviationName: 'kramdownAbbreviationName';
    kramdownAbbreviationTitle: 'kramdownAbbreviationTitle';
    kramdownAbbreviationMarker: 'kramdownAbbreviationMarker';
  }
}

const asterisk = 42;
const leftSquareBracket = 91;
const rightSquareBracket = 93;
const colon = 58;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * kramdown abbreviation definitions, `*[HTML]: Hyper Text Markup Language`, on a line of their
 * own. They print nothing; `remarkKramdownAbbreviations` applies them to the page's text.
 */
export function kramdownAbbreviation(): Extension {
  return { flow: { [asterisk]: { name: 'kramdownAbbreviation', tokenize } } };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let nameSize = 0;
  return start;

  function start(code: Code): State | undefined {
    if (code !== asterisk || self.interrupt) return nok(code);
    effects.enter('kramdownAbbreviation');
    effects.enter('kramdownAbbreviationMarker');
    effects.consume(code);
    return open;
  }

  function open(code: Code): State | undefined {
    if (code !== leftSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit('kramdownAbbreviationMarker');
    effects.enter('kramdownAbbreviationName');
    return name;
  }

  function name(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    if (code === rightSquareBracket) {
      if (nameSize === 0) return nok(code);
      effects.exit('kramdownAbbreviationName');
      effects.enter('kramdownAbbreviationMarker');
      effects.consume(code);
      return afterName;
    }
    nameSize += 1;
    effects.consume(code);
    return name;
  }

  function afterName(code: Code): State | undefined {
    if (code !== colon) return nok(code);
    effects.consume(code);
    return beforeTitle;
  }

  function beforeTitle(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return beforeTitle;
    }
    effects.exit('kramdownAbbreviationMarker');
    if (code === null || isLineEnding(code)) {
      effects.exit('kramdownAbbreviation');
      return ok(code);
    }
    effects.enter('kramdownAbbreviationTitle');
    return title(code);
  }

  function title(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('kramdownAbbreviationTitle');
      effects.exit('kramdownAbbreviation');
      return ok(code);
    }
    effects.consume(code);
    return title;
  }
}
