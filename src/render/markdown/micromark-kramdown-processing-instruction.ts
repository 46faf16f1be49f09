import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const lessThan = 60;
const questionMark = 63;

/**
 * `<?` is text to kramdown, in paragraphs and at the start of a block alike: its HTML parser has
 * no rule for processing instructions, so `<?xml version="1.0"?>` is shown as written (and
 * Markdown inside one, `<? *a* ?>`, is converted). CommonMark would read one as raw HTML, which
 * the browser then drops. The `<` is read as plain text (`data`) before the HTML construct runs.
 */
export function kramdownProcessingInstruction(): Extension {
  return {
    text: { [lessThan]: { name: 'kramdownProcessingInstruction', tokenize, add: 'before' } },
  };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('data');
    effects.consume(code);
    return mark;
  }

  function mark(code: Code): State | undefined {
    if (code !== questionMark) return nok(code);
    effects.exit('data');
    return ok(code);
  }
}
