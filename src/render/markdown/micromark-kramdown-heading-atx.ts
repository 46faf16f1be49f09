import type { Code, Effects, Event, Extension, State, Token, TokenizeContext } from 'micromark-util-types';

const numberSign = 35;
const backslash = 92;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
/** Space, tab, virtual space. */
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * micromark syntax extension for kramdown's ATX headers (kramdown input only): the text may follow
 * the `#` signs without a space (`##Header`), and closing `#` signs are dropped even when no space
 * comes before them (`# header#`), unless escaped. A header cannot interrupt a paragraph. It replaces CommonMark's `headingAtx` and makes
 * the same tokens, so mdast-util-from-markdown builds the heading as usual.
 */
export function kramdownHeadingAtx(): Extension {
  return {
    disable: { null: ['headingAtx'] },
    flow: { [numberSign]: { name: 'kramdownHeadingAtx', tokenize, resolve } },
  };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // kramdown starts a header only after a block boundary: it never interrupts a paragraph.
  if (this.interrupt) return nok;
  let size = 0;
  let hasText = false;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('atxHeading');
    effects.enter('atxHeadingSequence');
    return opening(code);
  }

  function opening(code: Code): State | undefined {
    if (code === numberSign && size < 6) {
      size++;
      effects.consume(code);
      return opening;
    }
    effects.exit('atxHeadingSequence');
    return between(code);
  }

  /** Between runs: white space, a run of `#`, or text. */
  function between(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      // kramdown needs text once the closing `#` signs are gone (`#` alone is a paragraph).
      if (!hasText) return nok(code);
      effects.exit('atxHeading');
      return ok(code);
    }
    if (isSpace(code)) {
      effects.enter('whitespace');
      return whitespace(code);
    }
    if (code === numberSign) {
      effects.enter('atxHeadingSequence');
      return hashes(code);
    }
    hasText = true;
    effects.enter('data');
    return data(code);
  }

  function whitespace(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return whitespace;
    }
    effects.exit('whitespace');
    return between(code);
  }

  function hashes(code: Code): State | undefined {
    if (code === numberSign) {
      effects.consume(code);
      return hashes;
    }
    effects.exit('atxHeadingSequence');
    return between(code);
  }

  function data(code: Code): State | undefined {
    if (code === null || isLineEnding(code) || isSpace(code) || code === numberSign) {
      effects.exit('data');
      return between(code);
    }
    effects.consume(code);
    // An escaped character (`\#`) is text, never a closing sign.
    return code === backslash ? escaped : data;
  }

  function escaped(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return data(code);
    effects.consume(code);
    return data;
  }
}

/** kramdown's header id at the end of the contents (`HEADER_ID`), with the white space before it. */
const headerId = /[\t ]\{#[A-Za-z_:][\w:.-]*\}$/;

/**
 * Finds the heading text as kramdown does (`parse_atx_header`): white space off the end, then a
 * `{#id}`, white space again, then the closing `#` signs (unless escaped) and white space. The text
 * and the id become heading text (the id is taken out later by the heading-id transform); the
 * runs between them stay outside it.
 */
function resolve(events: Event[], context: TokenizeContext): Event[] {
  // Runs as [enter, exit] pairs between the heading's own enter and exit.
  let first = 3;
  if (events[first]?.[1].type === 'whitespace') first += 2;
  const runs: Array<{ index: number; start: number; end: number }> = [];
  let contents = '';
  for (let index = first; index < events.length - 1; index += 2) {
    const start = contents.length;
    contents += context.sliceSerialize(events[index][1]);
    runs.push({ index, start, end: contents.length });
  }
  let text = contents.trimEnd();
  const id = headerId.exec(text);
  const idStart = id ? id.index : -1;
  const idEnd = id ? idStart + id[0].length : -1;
  if (id) text = text.slice(0, idStart).trimEnd();
  text = text.replace(/(?<!\\)#+$/, '').trimEnd();
  const textRuns = runs.filter((run) => run.end <= text.length);
  const idRuns = id ? runs.filter((run) => run.end > idStart && run.end <= idEnd) : [];
  if (textRuns.length === 0 || textRuns[textRuns.length - 1].end !== text.length) return events;
  const wrap = (group: typeof runs): Event[] => {
    const from = events[group[0].index][1];
    const to = events[group[group.length - 1].index][1];
    const token: Token = { type: 'atxHeadingText', start: from.start, end: to.end };
    const chunk: Token = { type: 'chunkText', start: from.start, end: to.end, contentType: 'text' };
    return [
      ['enter', token, context],
      ['enter', chunk, context],
      ['exit', chunk, context],
      ['exit', token, context],
    ];
  };
  const out: Event[] = events.slice(0, first);
  out.push(...wrap(textRuns));
  for (const run of runs) {
    if (run.end <= text.length || idRuns.includes(run)) continue;
    if (idRuns.length && run === runs.find((r) => r.end > idEnd)) out.push(...wrap(idRuns));
    out.push(events[run.index], events[run.index + 1]);
  }
  if (idRuns.length && !runs.some((r) => r.end > idEnd)) out.push(...wrap(idRuns));
  out.push(events[events.length - 1]);
  return out;
}
