import { blankLine } from 'micromark-core-commonmark';
import type {
  Code,
  Construct,
  ContainerState,
  Effects,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types';
import { htmlSpanElements } from './kramdown-html-elements.js';
import { itemIalOnlyLine } from './micromark-kramdown-item-ial-line.js';
import { thematicBreakLine } from './micromark-kramdown-thematic-break.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownListProbe: 'kramdownListProbe';
  }
}

const tab = -2;
const virtualSpace = -1;
const space = 32;
const asterisk = 42;
const plus = 43;
const dash = 45;
const dot = 46;
const colon = 58;
const lessThan = 60;
const slash = 47;
const greaterThan = 62;
const leftCurlyBrace = 123;
const caret = 94;

/** Token around what a look-ahead reads; looks-ahead are undone, so it never reaches the tree. */
const probe = 'kramdownListProbe' as const;

const isDigit = (code: Code): boolean => code !== null && code >= 48 && code <= 57;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpaceOrTab = (code: Code): boolean => code === space || code === tab || code === virtualSpace;
const isBulletMarker = (code: Code): boolean => code === asterisk || code === plus || code === dash;

/** What a kramdown list item remembers between lines. */
interface KramdownListState extends ContainerState {
  type?: 'listOrdered' | 'listUnordered';
  /** kramdown's item indentation: the column of the first non-space after the marker. */
  size?: number;
  /** Whether the line before was blank: kramdown takes lazy lines only after a non-blank one. */
  lastBlank?: boolean;
}

/**
 * Lists as kramdown parses them (`Kramdown::Parser::Kramdown#parse_list`), replacing
 * CommonMark's list construct:
 * - an item's content starts at the first non-space after the marker, however far, and later
 *   lines belong to the item when indented that far (a tab counts as four columns);
 * - a line right after a non-blank line of the item belongs to it whatever its indentation (a
 *   lazy line, which may open a fenced code block or continue one), unless it starts a sibling
 *   item, a block IAL or block-level HTML;
 * - after a blank line, a line that is neither indented enough nor a sibling ends the list;
 * - `*`, `+` and `-` items form one list; ordered markers are digits and a dot, and a list can
 *   interrupt a paragraph (kramdown's GFM paragraph end). kramdown ignores the first number, so
 *   no start value is kept.
 */
export function kramdownList(options: { kramdownInput?: boolean } = {}): Extension {
  const document: Record<number, Construct> = {};
  const construct = options.kramdownInput ? listNotInterrupting : list;
  for (const code of [asterisk, plus, dash, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57])
    document[code] = construct;
  return { document, disable: { null: ['list'] } };
}

const list: Construct = {
  name: 'kramdownList',
  tokenize: tokenizeItemStart,
  continuation: { tokenize: tokenizeContinuation },
  exit: tokenizeListEnd,
};

/**
 * kramdown input: a paragraph ends only at a blank line (or an IAL, `^`, HTML), so a new list
 * at the top level of the page does not interrupt it (`PARAGRAPH_END`). Nested lists in an item
 * still may, as kramdown splits item content before parsing it.
 */
const listNotInterrupting: Construct = {
  ...list,
  tokenize(effects, ok, nok) {
    return tokenizeItemStart.call(this, effects, ok, nok, true);
  },
};

function tokenizeItemStart(
  this: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State,
  topLevelCannotInterrupt = false,
): State {
  const state = this.containerState as KramdownListState;
  const tail = this.events[this.events.length - 1];
  const prefixText = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true) : '';
  const prefix = prefixText.length;
  let columns = prefix;
  // At the top level the line's own indentation (or the marker) starts at column 1; in a container
  // it starts after what the container's continuation took.
  const topLevel = (prefixText ? tail[1].start.column : this.now().column) === 1;
  if (topLevelCannotInterrupt && this.interrupt && !state.type && topLevel) return nok;
  return start;

  function start(code: Code): State | undefined {
    const kind = isBulletMarker(code) ? 'listUnordered' : isDigit(code) ? 'listOrdered' : undefined;
    if (!kind || (state.type && state.type !== kind)) return nok(code);
    if (code === asterisk || code === dash) return effects.check(thematicBreakLine, nok, open(kind))(code);
    return open(kind)(code);
  }

  function open(kind: 'listOrdered' | 'listUnordered'): State {
    return (code) => {
      if (!state.type) {
        state.type = kind;
        effects.enter(kind, { _container: true });
      }
      effects.enter('listItemPrefix');
      if (kind === 'listOrdered') return digits(code);
      return marker(code);
    };
  }

  function digits(code: Code): State | undefined {
    if (isDigit(code)) {
      effects.consume(code);
      columns += 1;
      return digits;
    }
    return code === dot ? marker(code) : nok(code);
  }

  function marker(code: Code): State | undefined {
    effects.enter('listItemMarker');
    effects.consume(code);
    effects.exit('listItemMarker');
    columns += 1;
    return afterMarker;
  }

  function afterMarker(code: Code): State | undefined {
    // kramdown needs a space or tab after the marker, even before the end of the line.
    if (!isSpaceOrTab(code)) return nok(code);
    effects.enter('listItemPrefixWhitespace');
    return whitespace(code);
  }

  function whitespace(code: Code): State | undefined {
    if (isSpaceOrTab(code)) {
      effects.consume(code);
      // kramdown expands a tab to the next multiple of four from the start of the item's own
      // text, not of the source line; micromark's virtual spaces after it are not counted.
      if (code === tab) columns += 4 - (columns % 4);
      else if (code === space) columns += 1;
      return whitespace;
    }
    effects.exit('listItemPrefixWhitespace');
    effects.exit('listItemPrefix');
    // A marker followed only by spaces: kramdown counts them all, as for any other item.
    state.size = columns;
    state.lastBlank = code === null || isLineEnding(code);
    return effects.check(itemIalOnlyLine, ialOnly, ok)(code);
  }

  /** `* {:.cls}` alone: the content is indented by four, as kramdown's `parse_first_list_line` does. */
  function ialOnly(code: Code): State | undefined {
    state.size = 4;
    return ok(code);
  }
}

function tokenizeContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const state = self.containerState as KramdownListState;
  const size = state.size ?? 0;
  state._closeFlow = undefined;
  return effects.check(blankLine, onBlank, notBlank);

  function onBlank(code: Code): State | undefined {
    state.lastBlank = true;
    return consumeColumns(effects, size, ok)(code);
  }

  function notBlank(code: Code): State | undefined {
    const lastBlank = state.lastBlank;
    return effects.check(
      { partial: true, tokenize: tokenizeSibling },
      closeItem,
      effects.attempt(
        { partial: true, tokenize: tokenizeContentIndent },
        continued,
        lastBlank ? nok : effects.check({ partial: true, tokenize: tokenizeLazyLine }, continued, nok),
      ),
    )(code);
  }

  function continued(code: Code): State | undefined {
    state.lastBlank = false;
    return ok(code);
  }

  function closeItem(code: Code): State | undefined {
    state._closeFlow = true;
    self.interrupt = undefined;
    return consumeSpaces(effects, Math.min(3, size - 1), effects.attempt(list, ok, nok))(code);
  }
}

/** A sibling item: at most `min(3, size - 1)` spaces, then a marker of the list's kind and a space or tab. */
function tokenizeSibling(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  effects.enter(probe);
  const state = this.containerState as KramdownListState;
  const limit = Math.min(3, (state.size ?? 1) - 1);
  let count = 0;
  return start;

  function start(code: Code): State | undefined {
    if ((code === space || code === virtualSpace) && count < limit) {
      effects.consume(code);
      count += 1;
      return start;
    }
    if (state.type === 'listUnordered' && isBulletMarker(code)) {
      effects.consume(code);
      return afterMarker;
    }
    if (state.type === 'listOrdered' && isDigit(code)) return digits(code);
    return nok(code);
  }

  function digits(code: Code): State | undefined {
    if (isDigit(code)) {
      effects.consume(code);
      return digits;
    }
    if (code !== dot) return nok(code);
    effects.consume(code);
    return afterMarker;
  }

  function afterMarker(code: Code): State | undefined {
    return isSpaceOrTab(code) ? ok(code) : nok(code);
  }
}

/**
 * kramdown's content test for a continuation line, `(?:\t| {4}){n/4} {n%4}` or
 * `(?:\t| {4}){n/4+1}`: groups of a tab or four spaces, where a tab never stands for fewer
 * columns. On a match the item's indentation is taken off the line.
 */
function tokenizeContentIndent(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const size = (this.containerState as KramdownListState).size ?? 0;
  const whitespace: string[] = [];
  return effects.check({ partial: true, tokenize: readWhitespace }, decide, nok);

  function readWhitespace(this: TokenizeContext, e: Effects, yes: State, no: State): State {
    e.enter(probe);
    return function read(code: Code): State | undefined {
      if (code === tab || code === space) whitespace.push(code === tab ? '\t' : ' ');
      if (isSpaceOrTab(code)) {
        e.consume(code);
        return read;
      }
      return code === null || isLineEnding(code) ? no(code) : yes(code);
    };
  }

  function decide(code: Code): State | undefined {
    const text = whitespace.join('');
    if (!matchesIndent(text, size)) return nok(code);
    return consumeColumns(effects, size, ok)(code);
  }
}

function matchesIndent(text: string, size: number): boolean {
  const groups = Math.floor(size / 4);
  let at = 0;
  for (let i = 0; i <= groups; i++) {
    if (i === groups && text.startsWith(' '.repeat(size % 4), at)) return true;
    if (text[at] === '\t') at += 1;
    else if (text.startsWith('    ', at)) at += 4;
    else return false;
  }
  return true;
}

/**
 * A lazy line as kramdown's `lazy_re` allows it: anything but a block IAL (`{:`), or the start or
 * end tag of a block-level HTML element, after at most three spaces.
 */
function tokenizeLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  effects.enter(probe);
  const size = (this.containerState as KramdownListState).size ?? 0;
  const limit = Math.min(3, size);
  let count = 0;
  let name = '';
  return start;

  function start(code: Code): State | undefined {
    if ((code === space || code === virtualSpace) && count < limit) {
      effects.consume(code);
      count += 1;
      return start;
    }
    if (code === leftCurlyBrace) {
      effects.consume(code);
      return afterBrace;
    }
    if (code === caret && count === 0) {
      effects.consume(code);
      return afterCaret;
    }
    if (code === lessThan) {
      effects.consume(code);
      return afterLessThan;
    }
    return ok(code);
  }

  function afterBrace(code: Code): State | undefined {
    if (code !== colon) return ok(code);
    effects.consume(code);
    return (next: Code) => (next === colon || next === slash ? ok(next) : nok(next));
  }

  // kramdown's end-of-block marker, a caret alone on its line, ends the list.
  function afterCaret(code: Code): State | undefined {
    if (isSpaceOrTab(code)) {
      effects.consume(code);
      return afterCaret;
    }
    return code === null || isLineEnding(code) ? nok(code) : ok(code);
  }

  function afterLessThan(code: Code): State | undefined {
    if (code === slash) {
      effects.consume(code);
      return (next: Code) => tagName(next, true);
    }
    return tagName(code, false);
  }

  function tagName(code: Code, end: boolean): State | undefined {
    if (code !== null && (isNameCode(code) || (name !== '' && (code === dash || code === dot)))) {
      name += String.fromCharCode(code).toLowerCase();
      effects.consume(code);
      return (next: Code) => tagName(next, end);
    }
    if (name === '' || htmlSpanElements.has(name)) return ok(code);
    return end ? endTagRest(code) : nok(code);
  }

  function endTagRest(code: Code): State | undefined {
    if (isSpaceOrTab(code)) {
      effects.consume(code);
      return endTagRest;
    }
    return code === greaterThan ? nok(code) : ok(code);
  }
}

const isNameCode = (code: number): boolean =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95 ||
  code === colon;

/** Consumes up to `columns` columns of indentation (a tab's columns one by one) as the item's indent. */
function consumeColumns(effects: Effects, columns: number, next: State): State {
  let count = 0;
  return function indent(code: Code): State | undefined {
    if (count < columns && isSpaceOrTab(code)) {
      if (count === 0) effects.enter('listItemIndent');
      effects.consume(code);
      count += 1;
      return indent;
    }
    if (count > 0) effects.exit('listItemIndent');
    return next(code);
  };
}

function consumeSpaces(effects: Effects, limit: number, next: State): State {
  let count = 0;
  return function spaces(code: Code): State | undefined {
    if (count < limit && (code === space || code === virtualSpace)) {
      if (count === 0) effects.enter('linePrefix');
      effects.consume(code);
      count += 1;
      return spaces;
    }
    if (count > 0) effects.exit('linePrefix');
    return next(code);
  };
}

function tokenizeListEnd(this: TokenizeContext, effects: Effects): undefined {
  const state = this.containerState as KramdownListState;
  if (state.type) effects.exit(state.type);
}
