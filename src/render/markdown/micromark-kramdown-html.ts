import type {
  Code,
  Construct,
  Effects,
  Extension,
  Resolver,
  State,
  Token,
  TokenizeContext,
} from 'micromark-util-types';
import {
  type HtmlContentModel,
  htmlRawTextElements,
  htmlSpanElements,
  htmlVoidElements,
  markdownAttributeModel,
} from './kramdown-html-elements.js';
import { kramdownTagName } from './kramdown-html-tag-name.js';
import { parseBlockHtmlAt } from './kramdown-inline-options.js';

/**
 * What the tokenizer found, stored on the `kramdownHtmlFlow` token for the mdast step:
 * - `comment`: `<!-- ... -->`, kept raw;
 * - `raw`: a whole element kept as raw HTML (no or `markdown="0"`, void, script, style);
 * - `span`: a whole element whose inside (`kramdownHtmlFlowSpanBody`) is inline Markdown;
 * - `open`: only the start tag of an element whose inside is Markdown blocks, parsed as the
 *   following flow; the matching `close` (an end tag at the start of a line) ends it.
 */
export interface KramdownHtmlInfo {
  kind: 'comment' | 'raw' | 'span' | 'open' | 'close';
  /** Lower-cased element name; empty for comments. */
  tagName: string;
  /** Attributes of the start tag in source order, without `markdown`. */
  attributes: Array<[string, string]>;
  /** Offsets of the `markdown` attribute (with its leading space) when it sits on the first line. */
  markdownAttribute?: { start: number; end: number };
  /** A raw element whose end tag never came: it ran to the end of its parent. */
  unclosed?: boolean;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownHtmlFlow: 'kramdownHtmlFlow';
    kramdownHtmlFlowData: 'kramdownHtmlFlowData';
    kramdownHtmlFlowSpanBody: 'kramdownHtmlFlowSpanBody';
    kramdownHtmlFlowSpanChunk: 'kramdownHtmlFlowSpanChunk';
    kramdownHtmlFlowRest: 'kramdownHtmlFlowRest';
    kramdownHtmlFlowRestChunk: 'kramdownHtmlFlowRestChunk';
  }
  interface Token {
    _kramdownHtml?: KramdownHtmlInfo;
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

const isLineEnding = (code: Code): boolean => code !== null && code < -2;
/** Space, tab, virtual space. */
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;
const isAsciiAlpha = (code: Code): boolean =>
  code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
const isNameStart = (code: Code): boolean => isAsciiAlpha(code) || code === 95;
const isNameChar = (code: Code): boolean =>
  isNameStart(code) || (code !== null && ((code >= 48 && code <= 58) || code === dash || code === 46));
/** Characters that end an attribute name. */
const endsAttributeName = (code: Code): boolean =>
  code === null ||
  isSpace(code) ||
  isLineEnding(code) ||
  code === greaterThan ||
  code === slash ||
  code === equalsTo ||
  code === quotationMark ||
  code === apostrophe ||
  code === lessThan;

/**
 * micromark syntax extension for kramdown's HTML blocks: replaces CommonMark's `htmlFlow` (which
 * ends kind-6 blocks at the first blank line) with a construct that runs a block-level element to
 * its matching end tag, as kramdown does. Enable it together with `kramdownHtmlFromMarkdown`.
 */
export function kramdownHtml(options: { parseBlockHtml?: boolean } = {}): Extension {
  // `parse_block_html` as set so far on the page (`{::options}`), else the site's setting.
  const flow: Construct = {
    ...kramdownHtmlFlow,
    tokenize(effects, ok, nok) {
      const parsed = parseBlockHtmlAt(this.parser, options.parseBlockHtml);
      return tokenizeKramdownHtml.call(this, effects, ok, nok, parsed);
    },
  };
  return { disable: { null: ['htmlFlow'] }, flow: { [lessThan]: flow } };
}

const nonLazyLine: Construct = { partial: true, tokenize: tokenizeNonLazyLine };

/** The flow construct itself (exported for tests and for composing other extensions). */
export const kramdownHtmlFlow: Construct = {
  name: 'kramdownHtmlFlow',
  concrete: true,
  resolveTo: resolveToKramdownHtml,
  tokenize: tokenizeKramdownHtml,
};

/** Moves the line's indentation into the block, like `htmlFlow`, so raw HTML keeps it. */
function resolveToKramdownHtml(...[events]: Parameters<Resolver>): ReturnType<Resolver> {
  // The construct's own start: an element after it on its last line has its own token inside.
  const own = events[events.length - 1][1];
  let index = events.length;
  while (index--) {
    if (events[index][0] === 'enter' && events[index][1] === own) break;
  }
  if (index > 1 && events[index - 2][1].type === 'linePrefix') {
    events[index][1].start = events[index - 2][1].start;
    events[index + 1][1].start = events[index - 2][1].start;
    events.splice(index - 2, 2);
  }
  return events;
}

function tokenizeKramdownHtml(
  this: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State,
  parseBlockHtml = false,
): State {
  const self = this;
  const spanCloseTag: Construct = { partial: true, tokenize: tokenizeSpanCloseTag };
  let token: Token;
  /** Name of the outer element. */
  let tagName = '';
  /** Name being read (outer or nested tag, close tag). */
  let buffer = '';
  let attributes: Array<[string, string]> = [];
  let attributeName = '';
  let attributeValue = '';
  let attributeStart = 0;
  let markdownAttribute: { start: number; end: number } | undefined;
  let markdownValue: string | undefined;
  let quote: Code = null;
  /** Reading a start tag nested in raw content (as opposed to the outer one). */
  let nested = false;
  let selfClosing = false;
  /** Open elements inside a raw element, outer one first. */
  const stack: string[] = [];
  let previousSpanChunk: Token | undefined;
  let rawTextName = '';
  let dashes = 0;
  /** A line that cannot continue the block: fail (inside the outer tag or a comment) or end it. */
  let failOnStop = true;
  /** Reading the outer start tag, where a blank line means it is not a tag. */
  let inStartTag = false;
  let inSpanBody = false;
  /** State for the first code of the next line inside the block. */
  let resume: State = raw;

  return start;

  function start(code: Code): State | undefined {
    if (code !== lessThan) return nok(code);
    token = effects.enter('kramdownHtmlFlow');
    effects.enter('kramdownHtmlFlowData');
    effects.consume(code);
    return open;
  }

  function open(code: Code): State | undefined {
    if (code === exclamationMark) {
      effects.consume(code);
      return commentOpenDash;
    }
    if (code === slash) {
      effects.consume(code);
      buffer = '';
      return closeName;
    }
    if (isNameStart(code)) {
      buffer = '';
      return startName(code);
    }
    return nok(code);
  }

  // Comments: `<!--` to the first `-->`; an unclosed one is not a block.

  function commentOpenDash(code: Code): State | undefined {
    if (code !== dash) return nok(code);
    effects.consume(code);
    return commentOpenDash2;
  }

  function commentOpenDash2(code: Code): State | undefined {
    // Comments do not interrupt paragraphs in kramdown.
    if (code !== dash || self.interrupt) return nok(code);
    effects.consume(code);
    token._kramdownHtml = { kind: 'comment', tagName: '', attributes: [] };
    dashes = 0;
    return comment;
  }

  function comment(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (isLineEnding(code)) {
      dashes = 0;
      return lineEnd(code, dataThen(comment));
    }
    if (code === greaterThan && dashes >= 2) {
      effects.consume(code);
      return afterElement;
    }
    dashes = code === dash ? dashes + 1 : 0;
    effects.consume(code);
    return comment;
  }

  // Close tag at the start of a line: `</div>`.

  function closeName(code: Code): State | undefined {
    if (buffer === '' ? isNameStart(code) : isNameChar(code)) {
      buffer += String.fromCharCode(code as number);
      effects.consume(code);
      return closeName;
    }
    const name = kramdownTagName(buffer);
    if (name === '' || htmlSpanElements.has(name)) return nok(code);
    tagName = name;
    return closeAfterName(code);
  }

  function closeAfterName(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return closeAfterName;
    }
    if (code !== greaterThan) return nok(code);
    effects.consume(code);
    token._kramdownHtml = { kind: 'close', tagName, attributes: [] };
    failOnStop = false;
    return afterElement;
  }

  // Start tags, outer and nested.

  function startName(code: Code): State | undefined {
    if (isNameChar(code)) {
      buffer += String.fromCharCode(code as number);
      effects.consume(code);
      return startName;
    }
    if (code === greaterThan || code === slash || isSpace(code) || isLineEnding(code)) {
      const name = kramdownTagName(buffer);
      if (!nested) {
        if (htmlSpanElements.has(name)) return nok(code);
        // Like span elements, `<script>` does not interrupt a paragraph.
        if (self.interrupt && name === 'script') return nok(code);
        tagName = name;
        attributes = [];
        inStartTag = true;
      }
      buffer = name;
      selfClosing = false;
      return tagInside(code);
    }
    return tagBad(code);
  }

  /** A malformed tag: the outer one is no block; a nested one is just text. */
  function tagBad(code: Code): State | undefined {
    if (!nested) return nok(code);
    nested = false;
    return raw(code);
  }

  function tagInside(code: Code): State | undefined {
    if (code === greaterThan) {
      effects.consume(code);
      return tagEnd;
    }
    if (code === slash) {
      effects.consume(code);
      return tagSelfClose;
    }
    if (isSpace(code)) {
      effects.consume(code);
      return tagInside;
    }
    if (isLineEnding(code)) return lineEnd(code, dataThen(tagInside));
    if (!endsAttributeName(code)) {
      attributeName = '';
      attributeStart = self.now().offset;
      return attributeNameState(code);
    }
    return tagBad(code);
  }

  /** After a `/` in a start tag: kramdown's tag pattern allows it only right before the `>`. */
  function tagSelfClose(code: Code): State | undefined {
    if (code === greaterThan) {
      selfClosing = true;
      effects.consume(code);
      return tagEnd;
    }
    // `<https://example.com>` is an autolink, not a tag named `https:`.
    return tagBad(code);
  }

  function attributeNameState(code: Code): State | undefined {
    if (!endsAttributeName(code)) {
      attributeName += String.fromCharCode(code as number);
      effects.consume(code);
      return attributeNameState;
    }
    return attributeAfterName(code);
  }

  function attributeAfterName(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return attributeAfterName;
    }
    if (code === equalsTo) {
      effects.consume(code);
      return attributeBeforeValue;
    }
    attributeValue = '';
    recordAttribute();
    return tagInside(code);
  }

  function attributeBeforeValue(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return attributeBeforeValue;
    }
    attributeValue = '';
    if (code === quotationMark || code === apostrophe) {
      quote = code;
      effects.consume(code);
      return attributeQuoted;
    }
    return attributeUnquoted(code);
  }

  function attributeQuoted(code: Code): State | undefined {
    if (code === null) return tagBad(code);
    if (code === quote) {
      effects.consume(code);
      recordAttribute();
      return tagInside;
    }
    if (isLineEnding(code)) {
      attributeValue += '\n';
      return lineEnd(code, dataThen(attributeQuoted));
    }
    attributeValue += String.fromCharCode(code);
    effects.consume(code);
    return attributeQuoted;
  }

  function attributeUnquoted(code: Code): State | undefined {
    if (
      code === null ||
      isSpace(code) ||
      isLineEnding(code) ||
      code === greaterThan ||
      code === quotationMark ||
      code === apostrophe
    ) {
      recordAttribute();
      return tagInside(code);
    }
    attributeValue += String.fromCharCode(code);
    effects.consume(code);
    return attributeUnquoted;
  }

  function recordAttribute(): void {
    if (nested) return;
    const name = attributeName.toLowerCase();
    if (name === 'markdown') {
      markdownValue = attributeValue;
      const end = self.now().offset;
      // Include the white space before the attribute when it is on the same line.
      if (self.now().line === token.start.line) markdownAttribute = { start: attributeStart, end };
      return;
    }
    attributes.push([name, attributeValue]);
  }

  /** After the `>` of a start tag. */
  function tagEnd(code: Code): State | undefined {
    const name = buffer;
    if (nested) {
      nested = false;
      if (selfClosing || htmlVoidElements.has(name)) return raw(code);
      if (htmlRawTextElements.has(name)) {
        rawTextName = name;
        return rawText(code);
      }
      stack.push(name);
      return raw(code);
    }
    // A complete start tag ends the paragraph before it: decide here, as `htmlFlow` does, rather
    // than read ahead over the element's lines, which would leave a lazy line's paragraph open
    // (and the element inside the list item whose paragraph it continued).
    if (self.interrupt) return ok(code);
    failOnStop = false;
    inStartTag = false;
    const model: HtmlContentModel = markdownAttributeModel(tagName, markdownValue, parseBlockHtml);
    const info: KramdownHtmlInfo = { kind: 'raw', tagName, attributes, markdownAttribute };
    token._kramdownHtml = info;
    if (selfClosing || htmlVoidElements.has(tagName)) return afterElement(code);
    if (htmlRawTextElements.has(tagName)) {
      rawTextName = tagName;
      return rawText(code);
    }
    if (model === 'block') {
      info.kind = 'open';
      return afterElement(code);
    }
    // A span element whose start tag ends the input has no body to parse: it stays raw, unclosed.
    if (model === 'span' && code !== null) {
      info.kind = 'span';
      effects.exit('kramdownHtmlFlowData');
      effects.enter('kramdownHtmlFlowSpanBody');
      inSpanBody = true;
      return spanLineStart(code);
    }
    stack.push(tagName);
    return raw(code);
  }

  // Raw content: elements nest; an end tag that does not match the innermost open element is text.

  function raw(code: Code): State | undefined {
    if (code === null) {
      if (stack.length && token._kramdownHtml?.kind === 'raw') token._kramdownHtml.unclosed = true;
      effects.exit('kramdownHtmlFlowData');
      return done(code);
    }
    if (isLineEnding(code)) return lineEnd(code, dataThen(raw));
    effects.consume(code);
    return code === lessThan ? rawLessThan : raw;
  }

  function rawLessThan(code: Code): State | undefined {
    if (code === exclamationMark) {
      effects.consume(code);
      return rawBang;
    }
    if (code === slash) {
      effects.consume(code);
      buffer = '';
      return rawCloseName;
    }
    if (isNameStart(code)) {
      buffer = '';
      nested = true;
      return startName(code);
    }
    return raw(code);
  }

  function rawBang(code: Code): State | undefined {
    if (code !== dash) return raw(code);
    effects.consume(code);
    return rawBangDash;
  }

  function rawBangDash(code: Code): State | undefined {
    if (code !== dash) return raw(code);
    effects.consume(code);
    dashes = 0;
    return rawComment;
  }

  function rawComment(code: Code): State | undefined {
    if (code === null) return raw(code);
    if (isLineEnding(code)) {
      dashes = 0;
      return lineEnd(code, dataThen(rawComment));
    }
    if (code === greaterThan && dashes >= 2) {
      effects.consume(code);
      return raw;
    }
    dashes = code === dash ? dashes + 1 : 0;
    effects.consume(code);
    return rawComment;
  }

  function rawCloseName(code: Code): State | undefined {
    if (buffer === '' ? isNameStart(code) : isNameChar(code)) {
      buffer += String.fromCharCode(code as number);
      effects.consume(code);
      return rawCloseName;
    }
    return buffer === '' ? raw(code) : rawCloseAfterName(code);
  }

  function rawCloseAfterName(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return rawCloseAfterName;
    }
    if (code !== greaterThan) return raw(code);
    effects.consume(code);
    if (stack[stack.length - 1] === kramdownTagName(buffer)) {
      stack.pop();
      if (stack.length === 0) return afterElement;
    }
    return raw;
  }

  // `<script>`, `<style>`: text up to the first matching end tag.

  function rawText(code: Code): State | undefined {
    if (code === null) {
      effects.exit('kramdownHtmlFlowData');
      return done(code);
    }
    if (isLineEnding(code)) return lineEnd(code, dataThen(rawText));
    effects.consume(code);
    return code === lessThan ? rawTextLessThan : rawText;
  }

  function rawTextLessThan(code: Code): State | undefined {
    if (code !== slash) return rawText(code);
    effects.consume(code);
    buffer = '';
    return rawTextCloseName;
  }

  function rawTextCloseName(code: Code): State | undefined {
    if (isAsciiAlpha(code)) {
      buffer += String.fromCharCode(code as number);
      effects.consume(code);
      return rawTextCloseName;
    }
    return buffer.toLowerCase() === rawTextName ? rawTextCloseAfterName(code) : rawText(code);
  }

  function rawTextCloseAfterName(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return rawTextCloseAfterName;
    }
    if (code !== greaterThan) return rawText(code);
    effects.consume(code);
    return stack.length === 0 ? afterElement : raw;
  }

  // Span content: inline Markdown up to the first end tag of the element (no nesting).

  function spanLineStart(code: Code): State | undefined {
    if (code === null) return done(code);
    if (isLineEnding(code)) {
      previousSpanChunk = undefined;
      return lineStartEmpty(code, spanLineStart);
    }
    if (code === lessThan) return effects.check(spanCloseTag, spanClose, spanChunkStart)(code);
    return spanChunkStart(code);
  }

  // The chunks of consecutive lines are linked, as a paragraph's are, so that inline Markdown
  // (`*a\nb*`) can run across a line ending inside the element.
  function spanChunkStart(code: Code): State | undefined {
    const chunk = effects.enter('kramdownHtmlFlowSpanChunk', {
      contentType: 'text',
      previous: previousSpanChunk,
    });
    if (previousSpanChunk) previousSpanChunk.next = chunk;
    previousSpanChunk = chunk;
    effects.consume(code);
    return spanChunk;
  }

  function spanChunk(code: Code): State | undefined {
    if (code === null) {
      effects.exit('kramdownHtmlFlowSpanChunk');
      return done(code);
    }
    if (isLineEnding(code)) return effects.check(nonLazyLine, spanChunkLineEnding, spanChunkStop)(code);
    if (code === lessThan) return effects.check(spanCloseTag, spanChunkEnd, spanChunkConsume)(code);
    return spanChunkConsume(code);
  }

  function spanChunkLineEnding(code: Code): State | undefined {
    effects.consume(code);
    effects.exit('kramdownHtmlFlowSpanChunk');
    return spanLineStart;
  }

  function spanChunkStop(code: Code): State | undefined {
    effects.exit('kramdownHtmlFlowSpanChunk');
    previousSpanChunk = undefined;
    return lineStartEmpty(code, spanLineStart);
  }

  function spanChunkConsume(code: Code): State | undefined {
    effects.consume(code);
    return spanChunk;
  }

  function spanChunkEnd(code: Code): State | undefined {
    effects.exit('kramdownHtmlFlowSpanChunk');
    return spanClose(code);
  }

  function spanClose(code: Code): State | undefined {
    previousSpanChunk = undefined;
    effects.exit('kramdownHtmlFlowSpanBody');
    inSpanBody = false;
    effects.enter('kramdownHtmlFlowData');
    return spanCloseConsume(code);
  }

  function spanCloseConsume(code: Code): State | undefined {
    effects.consume(code);
    return code === greaterThan ? afterElement : spanCloseConsume;
  }

  function tokenizeSpanCloseTag(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let index = 0;
    return start;

    function start(code: Code): State | undefined {
      effects.enter('kramdownHtmlFlowData');
      effects.consume(code);
      return afterLessThan;
    }

    function afterLessThan(code: Code): State | undefined {
      if (code !== slash) return nok(code);
      effects.consume(code);
      return name;
    }

    function name(code: Code): State | undefined {
      if (index < tagName.length) {
        if (code === null || String.fromCharCode(code).toLowerCase() !== tagName[index]) return nok(code);
        index++;
        effects.consume(code);
        return name;
      }
      return afterName(code);
    }

    function afterName(code: Code): State | undefined {
      if (isSpace(code)) {
        effects.consume(code);
        return afterName;
      }
      if (code !== greaterThan) return nok(code);
      effects.consume(code);
      effects.exit('kramdownHtmlFlowData');
      return ok;
    }
  }

  // After the element: trailing white space, then any text is parsed as flow (`</div> text`).
  // kramdown goes on parsing blocks in the middle of the line, so an HTML element starting there
  // runs on over the following lines to its end tag (`<p id="x"></p><div>`): it is tried first, in
  // this tokenizer, where it can continue over lines; anything else is parsed as the line's rest.

  function afterElement(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return afterElement;
    }
    effects.exit('kramdownHtmlFlowData');
    if (code === null || isLineEnding(code)) return done(code);
    effects.enter('kramdownHtmlFlowRest');
    if (code !== lessThan) return restStart(code);
    // The element on the rest of the line is read with this one's `parse_block_html`.
    const construct: Construct = {
      ...kramdownHtmlFlow,
      tokenize(effects, ok, nok) {
        return tokenizeKramdownHtml.call(this, effects, ok, nok, parseBlockHtml);
      },
    };
    return effects.attempt(construct, restEnd, restStart)(code);
  }

  function restStart(code: Code): State | undefined {
    effects.enter('kramdownHtmlFlowRestChunk', { contentType: 'flow' });
    return rest(code);
  }

  function rest(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('kramdownHtmlFlowRestChunk');
      return restEnd(code);
    }
    effects.consume(code);
    return rest;
  }

  function restEnd(code: Code): State | undefined {
    effects.exit('kramdownHtmlFlowRest');
    return done(code);
  }

  function done(code: Code): State | undefined {
    if (inSpanBody) effects.exit('kramdownHtmlFlowSpanBody');
    effects.exit('kramdownHtmlFlow');
    return ok(code);
  }

  // Line endings inside the block.

  /** Wraps a state so that it starts with a new data token (for the first code of a line). */
  function dataThen(next: State): State {
    return (code) => {
      effects.enter('kramdownHtmlFlowData');
      return next(code);
    };
  }

  /** At a line ending with a data token open. */
  function lineEnd(code: Code, next: State): State | undefined {
    effects.exit('kramdownHtmlFlowData');
    return lineStartEmpty(code, next);
  }

  /** At a line ending with no data token open; `next` gets the first code of the next line. */
  function lineStartEmpty(code: Code, next: State): State | undefined {
    resume = next;
    return effects.check(nonLazyLine, lineContinue, lineStop)(code);
  }

  function lineContinue(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    if (code === null) return lineStop(code);
    if (isLineEnding(code)) {
      // A blank line inside a start tag: give up rather than scan the whole document.
      if (inStartTag) return nok(code);
      return lineStartEmpty(code, resume);
    }
    return resume(code);
  }

  function lineStop(code: Code): State | undefined {
    if (failOnStop) return nok(code);
    // The document (or the parent) ended inside a raw element: its end tag never came.
    if (stack.length && token._kramdownHtml?.kind === 'raw') token._kramdownHtml.unclosed = true;
    return done(code);
  }
}

function tokenizeNonLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    if (code === null) return nok(code);
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return after;
  }

  function after(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code);
  }
}
