import type { Diagnostic } from '../diagnostics.js';

/** Which rules are silenced on which lines by `<!-- galley-ignore rule-id ... -->` comments. */
export interface InlineIgnores {
  ignored(d: Diagnostic): boolean;
}

const COMMENT = /<!--\s*galley-ignore\b([^>]*?)-->/g;

/**
 * Reads ignore comments from source texts (`lineOffset` lines before each text). A comment on a
 * line of its own covers the next line; a comment after other content covers its own line. With
 * no rule ids it silences every rule on that line.
 */
export function inlineIgnores(
  texts: Iterable<{ file: string; text: string; lineOffset: number }>,
): InlineIgnores {
  const byFile = new Map<string, Map<number, Set<string> | 'all'>>();
  for (const { file, text, lineOffset } of texts) {
    if (!text.includes('galley-ignore')) continue;
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      for (const m of line.matchAll(COMMENT)) {
        const rules = m[1]
          .trim()
          .split(/[\s,]+/)
          .filter(Boolean);
        const alone = line.replace(m[0], '').trim() === '';
        const target = index + 1 + lineOffset + (alone ? 1 : 0);
        let lineMap = byFile.get(file);
        if (!lineMap) {
          lineMap = new Map();
          byFile.set(file, lineMap);
        }
        const existing = lineMap.get(target);
        if (rules.length === 0 || existing === 'all') lineMap.set(target, 'all');
        else lineMap.set(target, new Set([...(existing ?? []), ...rules]));
      }
    }
  }
  return {
    ignored(d) {
      if (d.line === undefined) return false;
      const rules = byFile.get(d.file)?.get(d.line);
      return rules !== undefined && (rules === 'all' || rules.has(d.ruleId));
    },
  };
}
