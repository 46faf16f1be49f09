import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownSpanExtension: 'kramdownSpanExtension';
    kramdownSpanChunk: 'kramdownSpanChunk';
  }
}

const leftCurlyBrace = 123;
const rightCurlyBrace = 125;
const colon = 58;
const slash = 47;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isLetter = (code: Code): boolean =>
  code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));

/** The span extensions kramdown knows; any other `{::name}` is left as text, as kramdown does. */
const NAMES = ['comment', 'nomarkdown', 'options'];

/**
 * kramdown's span extensions inside a paragraph: `{::comment}text{:/}` (an HTML comment),
 * `{::nomarkdown}*raw*{:/}` (the text unconverted), `{::options key="v" /}` (nothing). The end tag
 * is `{:/}` or `{:/name}`; without one the start tag stays text.
 */
export function kramdownExtensionSpan(): Extension {
  return { text: { [leftCurlyBrace]: { name: 'kramdownSpanExtension', tokenize } } };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let name = '';
  let previous: Code = null;
  let end = '';
  const span = spanConsumer(effects);
  const take = span.take;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('kramdownSpanExtension');
    effects.consume(code);
    return colon1;
  }

  function colon1(code: Code): State | undefined {
    if (code !== colon) return nok(code);
    take(code);
    return colon2;
  }

  function colon2(code: Code): State | undefined {
    if (code !== colon) return nok(code);
    take(code);
    return nameState;
  }

  function nameState(code: Code): State | undefined {
    if (isLetter(code)) {
      name += String.fromCharCode(code as number);
      take(code);
      return nameState;
    }
    if (!NAMES.includes(name)) return nok(code);
    return attributes(code);
  }

  function attributes(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (code === rightCurlyBrace) {
      const selfClosing = previous === slash;
      take(code);
      return selfClosing ? done : body;
    }
    previous = code;
    take(code);
    return attributes;
  }

  /** Inside the body: look for `{:/` then `}` or the name and `}`. */
  function body(code: Code): State | undefined {
    if (code === null) return nok(code);
    end = code === leftCurlyBrace ? '{' : '';
    take(code);
    return end ? endTag : body;
  }

  function endTag(code: Code): State | undefined {
    if (code === null) return nok(code);
    const expected = end === '{' ? colon : end === '{:' ? slash : undefined;
    if (expected !== undefined) {
      if (code !== expected) return body(code);
      end += String.fromCharCode(code);
      take(code);
      return endTag;
    }
    if (code === rightCurlyBrace && (end === '{:/' || end === `{:/${name}`)) {
      take(code);
      return done;
    }
    const next = `${end}${String.fromCharCode(code)}`;
    if (!`{:/${name}`.startsWith(next)) return body(code);
    end = next;
    take(code);
    return endTag;
  }

  function done(code: Code): State | undefined {
    span.close();
    effects.exit('kramdownSpanExtension');
    return ok(code);
  }
}

/**
 * Consumes the codes of a span construct that may run over lines, the way code spans do: each
 * line ending gets its own `lineEnding` token and the text after it a `kramdownSpanChunk` token.
 * micromark's subtokenizer finds where a paragraph's lines meet by such tokens, one per line
 * break: a span token holding two line breaks itself threw "Cannot access index ... in a splice
 * buffer". Call `close` before exiting the span's token.
 */
export function spanConsumer(effects: Effects): { take: (code: Code) => void; close: () => void } {
  let inChunk = false;
  let afterLineEnding = false;
  const close = () => {
    if (inChunk) effects.exit('kramdownSpanChunk');
    inChunk = false;
  };
  return {
    take(code) {
      if (isLineEnding(code)) {
        close();
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        afterLineEnding = true;
        return;
      }
      if (afterLineEnding && !inChunk) {
        effects.enter('kramdownSpanChunk');
        inChunk = true;
      }
      effects.consume(code);
    },
    close,
  };
}

/** The extension as raw HTML: a comment, the unconverted text, or nothing for `options`. */
export function kramdownExtensionSpanFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownSpanExtension(token) {
        this.enter({ type: 'html', value: '' }, token);
      },
    },
    exit: {
      kramdownSpanExtension(token) {
        const source = this.sliceSerialize(token);
        const node = this.stack[this.stack.length - 1];
        const name = /^\{::([a-z]+)/i.exec(source)?.[1];
        const open = source.indexOf('}') + 1;
        const close = source.lastIndexOf('{:/');
        const inner = close >= open ? source.slice(open, close) : undefined;
        // A self-closing `{::comment /}` prints nothing at all.
        if (node?.type === 'html' && inner !== undefined)
          node.value = name === 'comment' ? `<!-- ${inner} -->` : name === 'nomarkdown' ? inner : '';
        this.exit(token);
      },
    },
  };
}
