/**
 * Limits that keep one page's Markdown from hanging or crashing the build. micromark and
 * mdast-util-to-hast are superlinear or recursive on some inputs (thousands of nested `>` or list
 * items overflow the stack; long runs of backticks, `_` or `[` take minutes). Such input is refused
 * before parsing, with its line and column; `markdown_time_limit` stops whatever else is slow.
 */
export const MARKDOWN_LIMITS = {
  /** Characters of Markdown (after Liquid) one page may have. */
  maxChars: 2_000_000,
  /** Nested block quotes and list items on one line, counting list indentation. */
  maxNesting: 100,
  /** Longest run of one of `` ` `` `*` `_` `[` `]` `~` outside a line made only of it. */
  maxDelimiterRun: 64,
} as const;

/** A position-bearing reason to refuse a page's Markdown. */
export interface MarkdownLimitProblem {
  ruleId: 'markdown/too-large' | 'markdown/too-deep' | 'markdown/delimiter-run';
  message: string;
  /** 1-based line and column within the Markdown text. */
  line: number;
  column: number;
}

const RUN = /([`*_[\]~])\1{64,}/g;
const CONTAINER = /^[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/;

/** The first limit `markdown` breaks, or null when it is within all of them. */
export function markdownLimitProblem(markdown: string): MarkdownLimitProblem | null {
  if (markdown.length > MARKDOWN_LIMITS.maxChars) {
    return {
      ruleId: 'markdown/too-large',
      message: `page has ${markdown.length} characters of Markdown, more than the limit of ${MARKDOWN_LIMITS.maxChars}`,
      line: 1,
      column: 1,
    };
  }
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const depth = nesting(line);
    if (depth.depth > MARKDOWN_LIMITS.maxNesting) {
      return {
        ruleId: 'markdown/too-deep',
        message: `blocks nested ${depth.depth} deep, more than the limit of ${MARKDOWN_LIMITS.maxNesting}`,
        line: i + 1,
        column: depth.column,
      };
    }
    for (const m of line.matchAll(RUN)) {
      if (m[0].length === line.trim().length) continue; // a thematic break or fence line
      return {
        ruleId: 'markdown/delimiter-run',
        message: `a run of ${m[0].length} "${m[1]}" characters, more than the limit of ${MARKDOWN_LIMITS.maxDelimiterRun}`,
        line: i + 1,
        column: (m.index ?? 0) + 1,
      };
    }
  }
  return null;
}

/** Containers opened on one line (`>` and list markers) plus the line's indentation in steps of two. */
function nesting(line: string): { depth: number; column: number } {
  let rest = line;
  let depth = 0;
  let offset = 0;
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  const indent = lead.replace(/\t/g, '    ').length;
  for (let m = CONTAINER.exec(rest); m; m = CONTAINER.exec(rest)) {
    depth++;
    offset += m[0].length;
    rest = rest.slice(m[0].length);
    if (depth > MARKDOWN_LIMITS.maxNesting) break;
  }
  if (depth === 0) return { depth: 0, column: 1 };
  return { depth: depth + Math.floor(indent / 2), column: offset };
}
