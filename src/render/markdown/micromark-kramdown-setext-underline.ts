import { setextUnderline } from 'micromark-core-commonmark';
import type { Construct, Effects, Event, Extension, State, TokenizeContext } from 'micromark-util-types';

const dash = 45;
const equalsSign = 61;

/**
 * micromark syntax extension for kramdown's Setext headers (`SETEXT_HEADER_START`, both input
 * modes: the GFM parser keeps the rule): the header text is exactly one line, and that line starts
 * after a block boundary (the start, a blank line, an end-of-block marker or a block IAL). Any
 * other underline is paragraph text, since kramdown's paragraphs run on until a blank line.
 * It wraps CommonMark's `setextUnderline`, so the tokens and the heading it builds are the same.
 */
export function kramdownSetextUnderline(): Extension {
  return {
    disable: { null: ['setextUnderline'] },
    flow: { [dash]: construct, [equalsSign]: construct },
  };
}

const construct: Construct = {
  name: 'kramdownSetextUnderline',
  tokenize,
  resolveTo: setextUnderline.resolveTo,
};

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const text = headerTextBefore(this.events);
  // No text before: CommonMark's construct fails on its own (a lone `---` is a rule).
  if (text && (this.now().line - text.line !== 1 || !afterBlockBoundary(this.events, text.index))) return nok;
  return setextUnderline.tokenize.call(this, effects, ok, nok);
}

/**
 * The paragraph (or content still being read) the underline would close: the line it starts on
 * and the index of its enter event.
 */
function headerTextBefore(events: Event[]): { line: number; index: number } | undefined {
  let index = events.length;
  while (index--) {
    const token = events[index][1];
    if (token.type === 'content' || token.type === 'paragraph') {
      while (index > 0 && !(events[index][0] === 'enter' && events[index][1] === token)) index--;
      return { line: token.start.line, index };
    }
    if (!SKIPPED.has(token.type)) return undefined;
  }
  return undefined;
}

/** Tokens between the header text and its underline. */
const SKIPPED = new Set(['lineEnding', 'linePrefix', 'chunkContent', 'chunkText']);

/** Block boundaries in front of the header text, as kramdown's `after_block_boundary?` sees them. */
const BOUNDARY = new Set(['lineEndingBlank', 'kramdownBlockIal', 'kramdownEndOfBlock']);

function afterBlockBoundary(events: Event[], enter: number): boolean {
  let index = enter;
  while (index--) {
    const type = events[index][1].type;
    if (type === 'linePrefix' || type === 'lineEnding') continue;
    return BOUNDARY.has(type);
  }
  return true;
}
