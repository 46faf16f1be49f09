import { thematicBreak } from 'micromark-core-commonmark';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const asterisk = 42;
const dash = 45;
const underscore = 95;
const isSpaceOrTab = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * micromark syntax extension for kramdown's horizontal rules, which never interrupt a paragraph:
 * kramdown's paragraph runs on to a blank line (`PARAGRAPH_END`), so `para` then `***` is one
 * paragraph. The GFM parser also ends a paragraph at a line that starts like a list item
 * (`LIST_START`), so there `* * *` and `- - -` (a marker and white space) still interrupt.
 * It wraps CommonMark's `thematicBreak`, so the tokens are the same.
 */
export function kramdownThematicBreak(options: { kramdownInput?: boolean } = {}): Extension {
  const construct: Construct = {
    name: 'kramdownThematicBreak',
    tokenize(effects, ok, nok) {
      return tokenize.call(this, effects, ok, nok, Boolean(options.kramdownInput));
    },
  };
  return {
    disable: { null: ['thematicBreak'] },
    flow: { [asterisk]: construct, [dash]: construct, [underscore]: construct },
  };
}

/**
 * CommonMark's rule without a name: micromark skips a construct whose name is disabled even in a
 * look-ahead, so the list construct checks `* * *` lines with this one.
 */
export const thematicBreakLine: Construct = { tokenize: thematicBreak.tokenize };

function tokenize(
  this: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State,
  kramdownInput: boolean,
): State {
  const rule = thematicBreak.tokenize.call(this, effects, ok, nok);
  if (!this.interrupt) return rule;
  return function start(code: Code): State | undefined {
    if (kramdownInput || (code !== asterisk && code !== dash)) return nok(code);
    const afterMarker = rule(code);
    // The marker is taken; GFM's list start needs white space right after it.
    return (next: Code) => (isSpaceOrTab(next) && afterMarker ? afterMarker(next) : nok(next));
  };
}
