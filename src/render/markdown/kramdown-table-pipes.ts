/** kramdown's TABLE_PIPE_CHECK at the start of a line: a `|` first, or one not escaped. */
const pipeCheck = /^(?:\||.*?[^\\\n]\|)/;

interface Part {
  code: boolean;
  value: string;
}

/**
 * Whether every line of a kramdown table has a `|` outside code spans, as kramdown checks after
 * reading the table's lines (`parse_table`): the text is cut into code spans and the rest, and a
 * code span running over a line break must start after a pipe on its first line and end before
 * one on its last. kramdown also skips span HTML here; pipes inside `<code>` on one line are
 * already kept in their cell when the row is split.
 */
export function tableHasPipesOutsideCode(text: string): boolean {
  let pipeOnLine = false;
  for (const part of splitCodeSpans(text)) {
    const lines = rubySplitLines(part.value);
    if (part.code) {
      if (lines.length > 2 || (lines.length === 2 && !pipeOnLine)) break;
      if (lines.length === 2) pipeOnLine = false;
    } else {
      if (lines.length > 1 && !pipeOnLine && !pipeCheck.test(lines[0] ?? '')) break;
      pipeOnLine = (lines.length > 1 ? false : pipeOnLine) || pipeCheck.test(lines[lines.length - 1] ?? '');
    }
  }
  return pipeOnLine;
}

/** Ruby's `split("\n")`: trailing empty strings are dropped. */
function rubySplitLines(value: string): string[] {
  const lines = value.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Code spans as kramdown's span parser finds them: a run of backticks (not escaped) up to the
 * next run of the same length; without one the backticks are text.
 */
function splitCodeSpans(text: string): Part[] {
  const parts: Part[] = [];
  let textStart = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char !== '`') {
      index++;
      continue;
    }
    let end = index;
    while (text[end] === '`') end++;
    const fence = text.slice(index, end);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    close.lastIndex = end;
    const found = close.exec(text);
    if (!found) {
      index = end;
      continue;
    }
    if (index > textStart) parts.push({ code: false, value: text.slice(textStart, index) });
    parts.push({ code: true, value: text.slice(end, found.index) });
    index = found.index + fence.length;
    textStart = index;
  }
  if (textStart < text.length) parts.push({ code: false, value: text.slice(textStart) });
  return parts;
}
