import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { htmlContentModel, htmlSpanElements, htmlVoidElements } from './kramdown-html-elements.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownHtmlSpanRaw: 'kramdownHtmlSpanRaw';
    kramdownHtmlSpanRawTag: 'kramdownHtmlSpanRawTag';
    kramdownHtmlSpanRawText: 'kramdownHtmlSpanRawText';
    kramdownHtmlSpanRawLineEnding: 'kramdownHtmlSpanRawLineEnding';
  }
  interface Token {
    /** Elements of a `kramdownHtmlSpanRaw` token still open at its end, outermost first. */
    _kramdownHtmlUnclosed?: string[];
  }
}

const lessThan = 60;
const greaterThan = 62;
const slash = 47;
const exclamationMark = 33;
const dash = 45;
const equalsTo = 61;
const quotationMark = 34;
const apostrophe = 39;
const colon = 58;
const underscore = 95;

/** Ruby's `\s`: space, tab (and its virtual spaces), line endings, form feed, vertical tab. */
const isWhitespace = (code: Code): boolean =>
  code !== null && (code < 0 || code === 32 || code === 9 || code === 11 || code === 12);
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isAsciiAlpha = (code: Code): boolean =>
  code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
const isDigit = (code: Code): boolean => code !== null && code >= 48 && code <= 57;
/** REXML's name start (ASCII part): letter or `_`. */
const isNameStart = (code: Code): boolean => isAsciiAlpha(code) || code === underscore;
const isNameChar = (code: Code): boolean =>
  isNameStart(code) || isDigit(code) || code === dash || code === 46;
/** Ruby's `\p{Word}`: letters, digits, `_` (any script). */
const isWordChar = (code: Code): boolean =>
  code !== null && code >= 0 && /[\p{L}\p{M}\p{Nd}\p{Pc}]/u.test(String.fromCodePoint(code));

type PartType = 'kramdownHtmlSpanRawTag' | 'kramdownHtmlSpanRawText';

/**
 * Consumes `code` inside an open `type` token and goes on with `next`, giving a line ending a token of its own: micromark
 * finds where each line of a paragraph starts by the empty-bodied tokens that span a line ending,
 * so one token over several lines would break the paragraph apart.
 */
function consumeIn(effects: Effects, code: Code, type: PartType, next: State): State {
  if (!isLineEnding(code)) {
    effects.consume(code);
    return next;
  }
  effects.exit(type);
  effects.enter('kramdownHtmlSpanRawLineEnding');
  effects.consume(code);
  effects.exit('kramdownHtmlSpanRawLineEnding');
  // Reopened only when the next line's first code comes: a token opened at the line ending itself
  // would start in the old line's chunk and slice to nothing.
  return (after: Code) => {
    effects.enter(type);
    return next(after);
  };
}

/** HTML block elements kramdown prints as text when their tag appears inside a paragraph. */
const blockInSpan: ReadonlySet<string> = new Set(
  `address article aside applet body blockquote caption col colgroup dd div dl dt fieldset
   figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main
   map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul`.split(/\s+/),
);

/** Every element name kramdown knows; only these are matched case-insensitively. */
function isKnownElement(name: string): boolean {
  return (
    htmlSpanElements.has(name) || blockInSpan.has(name) || htmlVoidElements.has(name) || knownRaw.has(name)
  );
}
const knownRaw: ReadonlySet<string> = new Set(
  'script style math option textarea pre code kbd samp var'.split(' '),
);

/** A start tag as kramdown's `HTML_TAG_RE` reads it. */
interface StartTag {
  name: string;
  selfClosing: boolean;
}

/**
 * kramdown's span HTML for elements whose inside is raw (`kbd`, `code`, `samp`, `var`, and every
 * element name kramdown does not know, such as `<project code>` or `<FASTLY_SERVICE_ID>`): the
 * inside up to the matching end tag is text, with no code spans, emphasis or smart quotes, and an
 * element never closed runs to the end of the paragraph. kramdown's tag names may hold `_`, `.`
 * and `:`, which CommonMark's do not. Elements with inline content (`span`, `a`, `em`) and block
 * elements are left to micromark's HTML.
 */
export function kramdownHtmlSpan(): Extension {
  return { text: { [lessThan]: { name: 'kramdownHtmlSpanRaw', tokenize: tokenizeRawSpan } } };
}

function tokenizeRawSpan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  /** Set by `startTag` when it succeeds. */
  const found: { tag?: StartTag } = {};
  const startTag: Construct = { partial: true, tokenize: tokenizeStartTagInto(found) };
  const comment: Construct = { partial: true, tokenize: tokenizeComment };
  // An end tag that closes nothing inside is printed as text, as kramdown does.
  const anyEndTag: Construct = {
    partial: true,
    tokenize: tokenizeEndTag(() => undefined, 'kramdownHtmlSpanRawText'),
  };
  /** Open raw elements, outermost first; the last one's end tag is the only one that closes. */
  const open: string[] = [];
  const endOfTop: Construct = {
    partial: true,
    tokenize: tokenizeEndTag(() => open[open.length - 1], 'kramdownHtmlSpanRawTag'),
  };
  let inText = false;
  const token = effects.enter('kramdownHtmlSpanRaw');
  return effects.attempt(startTag, afterOuterTag, nok);

  function afterOuterTag(code: Code): State | undefined {
    const tag = found.tag;
    if (!tag || blockInSpan.has(tag.name) || /^(?:mailto|https?|ftps?):/i.test(tag.name)) return nok(code);
    if (htmlContentModel(tag.name) !== 'raw') return nok(code);
    if (htmlVoidElements.has(tag.name)) return done(code);
    // kramdown writes `<x/>` of a non-void element as `<x></x>`; an HTML parser would leave it open.
    if (tag.selfClosing) {
      token._kramdownHtmlUnclosed = [tag.name];
      return done(code);
    }
    open.push(tag.name);
    return body(code);
  }

  function body(code: Code): State | undefined {
    if (code === null) {
      token._kramdownHtmlUnclosed = [...open];
      return done(code);
    }
    if (code === lessThan) {
      if (inText) effects.exit('kramdownHtmlSpanRawText');
      inText = false;
      return effects.attempt(
        endOfTop,
        afterEndTag,
        effects.attempt(
          comment,
          body,
          effects.attempt(anyEndTag, body, effects.attempt(startTag, afterNested, lessThanAsText)),
        ),
      )(code);
    }
    if (isLineEnding(code)) {
      if (inText) effects.exit('kramdownHtmlSpanRawText');
      inText = false;
      effects.enter('kramdownHtmlSpanRawLineEnding');
      effects.consume(code);
      effects.exit('kramdownHtmlSpanRawLineEnding');
      return body;
    }
    if (!inText) effects.enter('kramdownHtmlSpanRawText');
    inText = true;
    effects.consume(code);
    return body;
  }

  function lessThanAsText(code: Code): State | undefined {
    effects.enter('kramdownHtmlSpanRawText');
    inText = true;
    effects.consume(code);
    return body;
  }

  function afterNested(code: Code): State | undefined {
    const tag = found.tag;
    if (tag && !blockInSpan.has(tag.name) && !tag.selfClosing && !htmlVoidElements.has(tag.name))
      open.push(tag.name);
    return body(code);
  }

  function afterEndTag(code: Code): State | undefined {
    open.pop();
    return open.length === 0 ? done(code) : body(code);
  }

  function done(code: Code): State | undefined {
    if (inText) effects.exit('kramdownHtmlSpanRawText');
    effects.exit('kramdownHtmlSpanRaw');
    return ok(code);
  }
}

/**
 * `<name attr attr="v" attr=word /?>` as kramdown's `HTML_TAG_RE` reads it (names may hold `_`,
 * `-`, `.`, one `:`; a value is quoted or word characters). Stores the tag in `found`.
 */
function tokenizeStartTagInto(found: { tag?: StartTag }) {
  return function tokenizeStartTag(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let name = '';
    let attributeName = false;
    let quote: Code = null;
    let spaced = false;
    return start;

    function start(code: Code): State | undefined {
      if (code !== lessThan) return nok(code);
      effects.enter('kramdownHtmlSpanRawTag');
      effects.consume(code);
      return nameStart;
    }

    function nameStart(code: Code): State | undefined {
      if (!isNameStart(code)) return nok(code);
      return nameRest(code);
    }

    function nameRest(code: Code): State | undefined {
      if (isNameChar(code) || (code === colon && !name.includes(':'))) {
        name += String.fromCharCode(code as number);
        effects.consume(code);
        return code === colon ? nameStart : nameRest;
      }
      spaced = false;
      return between(code);
    }

    /** Between the name and attributes; a new attribute needs white space before it. */
    function between(code: Code): State | undefined {
      if (isWhitespace(code)) {
        spaced = true;
        return consumeIn(effects, code, 'kramdownHtmlSpanRawTag', between);
      }
      if (code === slash) {
        effects.consume(code);
        return selfClosingEnd;
      }
      if (code === greaterThan) return end(code, false);
      if (spaced && isNameStart(code)) {
        attributeName = true;
        return attribute(code);
      }
      return nok(code);
    }

    function attribute(code: Code): State | undefined {
      if (isNameChar(code) || (attributeName && code === colon)) {
        effects.consume(code);
        return attribute;
      }
      return afterAttributeName(code);
    }

    function afterAttributeName(code: Code): State | undefined {
      if (isWhitespace(code)) {
        return consumeIn(effects, code, 'kramdownHtmlSpanRawTag', afterAttributeName);
      }
      if (code === equalsTo) {
        effects.consume(code);
        return beforeValue;
      }
      // No value: what follows is read as after the name (white space already seen if any).
      spaced = true;
      return between(code);
    }

    function beforeValue(code: Code): State | undefined {
      if (isWhitespace(code)) {
        return consumeIn(effects, code, 'kramdownHtmlSpanRawTag', beforeValue);
      }
      if (code === quotationMark || code === apostrophe) {
        quote = code;
        effects.consume(code);
        return quoted;
      }
      if (isWordChar(code)) return unquoted(code);
      return nok(code);
    }

    function quoted(code: Code): State | undefined {
      if (code === null) return nok(code);
      if (code === quote) {
        effects.consume(code);
        spaced = false;
        return between;
      }
      return consumeIn(effects, code, 'kramdownHtmlSpanRawTag', quoted);
    }

    function unquoted(code: Code): State | undefined {
      if (isWordChar(code)) {
        effects.consume(code);
        return unquoted;
      }
      spaced = false;
      return between(code);
    }

    function selfClosingEnd(code: Code): State | undefined {
      if (code !== greaterThan) return nok(code);
      return end(code, true);
    }

    function end(code: Code, selfClosing: boolean): State | undefined {
      effects.consume(code);
      const token = effects.exit('kramdownHtmlSpanRawTag');
      const lower = name.toLowerCase();
      found.tag = { name: isKnownElement(lower) ? lower : name, selfClosing };
      // kramdown prints a block element's tag inside a paragraph as text (the outer tag of a
      // raw span is never one: the construct fails for it before this token is kept).
      if (blockInSpan.has(found.tag.name)) token.type = 'kramdownHtmlSpanRawText';
      return ok;
    }
  };
}

/** `</name\s*>`: any name when `expected()` gives none, else that name (case-blind if known). */
function tokenizeEndTag(expected: () => string | undefined, type: PartType) {
  return function tokenizeEnd(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let name = '';
    return start;

    function start(code: Code): State | undefined {
      if (code !== lessThan) return nok(code);
      effects.enter(type);
      effects.consume(code);
      return afterLessThan;
    }

    function afterLessThan(code: Code): State | undefined {
      if (code !== slash) return nok(code);
      effects.consume(code);
      return nameStart;
    }

    function nameStart(code: Code): State | undefined {
      if (!isNameStart(code)) return nok(code);
      return nameRest(code);
    }

    function nameRest(code: Code): State | undefined {
      if (isNameChar(code) || (code === colon && !name.includes(':'))) {
        name += String.fromCharCode(code as number);
        effects.consume(code);
        return code === colon ? nameStart : nameRest;
      }
      return afterName(code);
    }

    function afterName(code: Code): State | undefined {
      if (isWhitespace(code)) {
        return consumeIn(effects, code, type, afterName);
      }
      if (code !== greaterThan) return nok(code);
      const want = expected();
      if (want !== undefined) {
        const same = isKnownElement(want) ? name.toLowerCase() === want : name === want;
        if (!same) return nok(code);
      }
      effects.consume(code);
      effects.exit(type);
      return ok;
    }
  };
}

/** `<!-- ... -->`, shortest match, across lines. */
function tokenizeComment(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let dashes = 0;
  let opened = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('kramdownHtmlSpanRawTag');
    effects.consume(code);
    return bang;
  }

  function bang(code: Code): State | undefined {
    if (code !== exclamationMark) return nok(code);
    effects.consume(code);
    return openDash;
  }

  function openDash(code: Code): State | undefined {
    if (code !== dash) return nok(code);
    effects.consume(code);
    opened += 1;
    return opened === 2 ? inside : openDash;
  }

  function inside(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (code === greaterThan && dashes >= 2) {
      effects.consume(code);
      effects.exit('kramdownHtmlSpanRawTag');
      return ok;
    }
    dashes = code === dash ? dashes + 1 : 0;
    return consumeIn(effects, code, 'kramdownHtmlSpanRawTag', inside);
  }
}

/** A character reference kramdown leaves alone when it escapes text (REXML's `REFERENCE_RE`). */
const escapeText = (text: string): string =>
  text.replace(/&(?:[A-Za-z_:][\w.:-]*|#\d+|#x[0-9a-fA-F]+);|[<>&]/g, (match) =>
    match === '<' ? '&lt;' : match === '>' ? '&gt;' : match === '&' ? '&amp;' : match,
  );

/**
 * The raw span as one `html` node: tags as written, text escaped as kramdown prints it, and an end
 * tag added for each element the paragraph never closed.
 */
export function kramdownHtmlSpanFromMarkdown(): FromMarkdownExtension {
  const append = (value: string, context: { stack: unknown[] }) => {
    const node = context.stack[context.stack.length - 1] as { type: string; value: string };
    if (node.type === 'html') node.value += value;
  };
  return {
    enter: {
      kramdownHtmlSpanRaw(token) {
        this.enter({ type: 'html', value: '' }, token);
      },
    },
    exit: {
      kramdownHtmlSpanRawTag(token) {
        append(this.sliceSerialize(token), this);
      },
      kramdownHtmlSpanRawText(token) {
        append(escapeText(this.sliceSerialize(token)), this);
      },
      kramdownHtmlSpanRawLineEnding(token) {
        append(this.sliceSerialize(token), this);
      },
      kramdownHtmlSpanRaw(token) {
        const unclosed = token._kramdownHtmlUnclosed ?? [];
        append(
          unclosed
            .reverse()
            .map((name) => `</${name}>`)
            .join(''),
          this,
        );
        this.exit(token);
      },
    },
  };
}
