import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { tableHasPipesOutsideCode } from './kramdown-table-pipes.js';
import { kramdownBlockBoundary } from './micromark-kramdown-block-boundary.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownTable: 'kramdownTable';
    kramdownTableRow: 'kramdownTableRow';
    kramdownTableSeparator: 'kramdownTableSeparator';
    kramdownTableFooterSeparator: 'kramdownTableFooterSeparator';
  }
}

const pipe = 124;
const backslash = 92;
const graveAccent = 96;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

const codeToString = (code: number): string =>
  code === -2 ? '\t' : code === -1 ? '' : String.fromCharCode(code);

type LineKind = 'row' | 'separator' | 'footer' | 'blank' | 'other';

/**
 * kramdown's tables (parser/kramdown/table.rb): a run of lines that each hold an unescaped `|`,
 * starting after a block boundary and ending before one (a blank line, `^`, a block IAL or the
 * end). A line of only `|+:-` and white space with a `-` separates the header (the first time) or
 * bodies; one with `=` starts the footer. Rows keep their text as inline content; cells are split
 * later in `remarkKramdownTables`, where code spans are known.
 */
export function kramdownTable(): Extension {
  return { flow: { null: [{ name: 'kramdownTable', tokenize, concrete: true }] } };
}

/**
 * Whether the line has a `|` that is neither escaped nor inside a code span. kramdown reverts a
 * one-line table without one (`` `a|b` `` as a definition term) to a paragraph; a table starts only
 * on such a line, so the paragraph's next lines are still seen by the blocks that may interrupt
 * it. (A first row whose pipes all sit in code, in a longer table, is a rare loss.)
 */
function hasCellPipe(line: number[]): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line[i];
    if (code === pipe && line[i - 1] !== backslash) return true;
    if (code !== graveAccent || line[i - 1] === backslash) continue;
    let size = 1;
    while (line[i + size] === graveAccent) size++;
    // kramdown's code span ends at the next run of as many backticks (codespan.rb).
    let end = -1;
    for (let j = i + size; j + size <= line.length && end < 0; j++)
      if (line.slice(j, j + size).every((c) => c === graveAccent)) end = j;
    i = end < 0 ? i + size - 1 : end + size - 1;
  }
  return false;
}

/** What a line is, by kramdown's TABLE_LINE, TABLE_SEP_LINE and TABLE_FSEP_LINE patterns. */
function classify(line: number[]): LineKind {
  if (line.every((c) => isSpace(c))) return 'blank';
  let piped = line[0] === pipe;
  for (let i = 1; i < line.length && !piped; i++)
    if (line[i] === pipe && line[i - 1] !== backslash) piped = true;
  if (!piped) return 'other';
  const chars = String.fromCharCode(...line.map((c) => (c < 0 ? 32 : c)));
  if (/^[+|: \t-]*-[+|: \t-]*$/.test(chars)) return 'separator';
  if (/^[+|: \t=]*=[+|: \t=]*$/.test(chars)) return 'footer';
  return 'row';
}

/** Chunks looked at ahead of a line start: enough for most lines, bounded for long written runs. */
const lookahead = 16;

/**
 * Whether the rest of the line at `context`'s position has no `|` at all, read from the chunks
 * already written to the tokenizer: the table is tried at the start of every flow line, and
 * scanning each paragraph's first line code by code to learn it is no table cost more than
 * parsing it. micromark writes a flow tokenizer a whole line at a time, so the line end is
 * normally there; when it is not among the chunks looked at, the answer is "cannot tell" (false)
 * and the line is scanned. The end point uses micromark's chunk index (`_index`), as its own
 * `sliceStream` callers do.
 */
function lineHasNoPipe(context: TokenizeContext): boolean {
  const here = context.now();
  const ahead = context.sliceStream({
    start: here,
    end: { ...here, _index: here._index + lookahead, _bufferIndex: -1 },
  });
  for (const chunk of ahead) {
    if (typeof chunk === 'string') {
      if (chunk.includes('|')) return false;
    } else if (chunk === null || isLineEnding(chunk)) {
      return true;
    }
  }
  return false;
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let kind: LineKind = 'other';
  /** Still before the table's first line. */
  let firstLine = true;
  const scanLine: Construct = { partial: true, tokenize: tokenizeScan };
  const boundary = kramdownBlockBoundary;
  const nextLine: Construct = { partial: true, tokenize: nextTableLine };
  /** The table's text so far, for kramdown's final pipe check. */
  let source = '';
  return start;

  function start(code: Code): State | undefined {
    if (self.interrupt || code === null || isLineEnding(code)) return nok(code);
    if (lineHasNoPipe(self)) return nok(code);
    effects.enter('kramdownTable');
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    return effects.check(scanLine, line, nok)(code);
  }

  function line(code: Code): State | undefined {
    firstLine = false;
    if (kind === 'row') {
      effects.enter('kramdownTableRow');
      effects.enter('chunkText', { contentType: 'text' });
      return rowText(code);
    }
    effects.enter(kind === 'separator' ? 'kramdownTableSeparator' : 'kramdownTableFooterSeparator');
    return separator(code);
  }

  function rowText(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('chunkText');
      effects.exit('kramdownTableRow');
      return lineEnd(code);
    }
    source += codeToString(code);
    effects.consume(code);
    return rowText;
  }

  function separator(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit(kind === 'separator' ? 'kramdownTableSeparator' : 'kramdownTableFooterSeparator');
      return lineEnd(code);
    }
    source += codeToString(code);
    effects.consume(code);
    return separator;
  }

  /** After a line: another table line follows, or a block boundary must. */
  function lineEnd(code: Code): State | undefined {
    if (code === null) return done(code);
    return effects.check(nextLine, lineEnding, afterTable)(code);
  }

  function afterTable(code: Code): State | undefined {
    return effects.check(boundary, done, nok)(code);
  }

  function lineEnding(code: Code): State | undefined {
    source += '\n';
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }

  function done(code: Code): State | undefined {
    // A code span over a line break can hide the only pipe of a line: then it is no table.
    if (!tableHasPipesOutsideCode(source)) return nok(code);
    effects.exit('kramdownTable');
    return ok(code);
  }

  /** Reads the rest of the line (without keeping it) to learn its kind; fails unless a table line. */
  function tokenizeScan(effects: Effects, ok: State, nok: State): State {
    const codes: number[] = [];
    return first;

    function first(code: Code): State | undefined {
      if (code === null || isLineEnding(code)) return nok(code);
      // Only looked at (the check undoes it), but consumed codes must sit in a token.
      effects.enter('kramdownTableRow');
      return scan(code);
    }

    function scan(code: Code): State | undefined {
      if (code === null || isLineEnding(code)) {
        effects.exit('kramdownTableRow');
        kind = classify(codes);
        if (firstLine && kind === 'row' && !hasCellPipe(codes)) kind = 'other';
        return kind === 'row' || kind === 'separator' || kind === 'footer' ? ok(code) : nok(code);
      }
      codes.push(code);
      effects.consume(code);
      return scan;
    }
  }

  /** The next line (in the same containers) is a table line. */
  function nextTableLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const context = this;
    return eol;

    function eol(code: Code): State | undefined {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return after;
    }

    function after(code: Code): State | undefined {
      if (context.parser.lazy[context.now().line]) return nok(code);
      return effects.attempt(scanLine, ok, nok)(code);
    }
  }
}
