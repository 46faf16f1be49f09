import type { SourceOffset } from './liquid/output-map.js';

/** A position in the file the writer edits, with the include tags that led there. */
export interface SourceLocation {
  file: string;
  /** 1-based; absent when the position is unknown (content a plugin generated). */
  line?: number;
  /** 1-based; absent when only the line is known (the text came from a Liquid tag). */
  column?: number;
  /** Include chain, outermost first, as `file:line`. */
  chain?: string[];
  /** The page being built when this place was reached (an include or layout serves many pages). */
  page?: string;
}

/** A template's text and how many lines of its file come before it (front matter). */
export interface TemplateText {
  text: string;
  lineOffset: number;
}

/** Finds a template's text by the file name liquidjs gave its tokens. */
export type TemplateTexts = (file: string) => TemplateText | undefined;

const lineStartsCache = new WeakMap<object, number[]>();

function lineStarts(template: TemplateText): number[] {
  let starts = lineStartsCache.get(template);
  if (!starts) {
    starts = [0];
    const { text } = template;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartsCache.set(template, starts);
  }
  return starts;
}

/** 1-based line and column of `offset` in a template, counting the lines before it. */
export function lineColumnOf(template: TemplateText, offset: number): { line: number; column: number } {
  const starts = lineStarts(template);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1 + template.lineOffset, column: offset - starts[lo] + 1 };
}

/**
 * Turns a template offset into a file, line and column. The chain's first frame is in the root
 * file (the page or layout), whose lines are shifted by its front matter; deeper frames are in
 * includes. Columns of tag output are left out: the tag is known, not the character.
 */
export function locate(
  point: SourceOffset,
  rootFile: string,
  texts: TemplateTexts,
): SourceLocation | undefined {
  const template = texts(point.file);
  if (!template) return undefined;
  const { line, column } = lineColumnOf(template, point.offset);
  const location: SourceLocation = { file: point.file, line };
  if (point.exact) location.column = column;
  if (point.chain.length) {
    const rootOffset = texts(rootFile)?.lineOffset ?? 0;
    location.chain = point.chain.map((frame, i) => {
      const including = i === 0 ? rootFile : point.chain[i - 1].file;
      const offset = i === 0 ? rootOffset : (texts(including)?.lineOffset ?? 0);
      return `${including}:${frame.line + offset}`;
    });
  }
  return location;
}
