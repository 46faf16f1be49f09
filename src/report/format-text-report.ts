import type { Diagnostic } from '../diagnostics.js';

/** Source text of a file named in a diagnostic, for code frames; undefined when unavailable. */
export type SourceReader = (file: string) => string | undefined;

/**
 * The text report: per diagnostic `file:line:col severity message rule-id`, a code frame with a
 * caret under the column, the include chain and the hint; then a summary by rule.
 */
export function formatTextReport(diagnostics: readonly Diagnostic[], readSource: SourceReader): string {
  const blocks = diagnostics.map((d) => {
    const pos = d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '';
    const lines = [`${d.file}${pos} ${d.severity} ${d.message} ${d.ruleId}`];
    const frame = d.line ? codeFrame(readSource(d.file), d.line, d.column) : '';
    if (frame) lines.push(frame);
    if (d.chain?.length) lines.push(`  included from ${[...d.chain].reverse().join(', included from ')}`);
    if (d.pages && d.pages.length > 1) {
      const listed = d.pages.slice(0, 5).join(', ');
      lines.push(`  on ${d.pages.length} pages: ${listed}${d.pages.length > 5 ? ', ...' : ''}`);
    }
    if (d.hint) lines.push(`  hint: ${d.hint}`);
    return lines.join('\n');
  });
  const summary = summaryByRule(diagnostics);
  return [...blocks, ...(summary ? ['', summary] : [])].join('\n');
}

/** The line (and the one before it) with a gutter, and a caret under the column when known. */
export function codeFrame(text: string | undefined, line: number, column?: number): string {
  if (text === undefined) return '';
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return '';
  const width = String(line).length;
  const out: string[] = [];
  for (let n = Math.max(1, line - 1); n <= line; n++) {
    const content = lines[n - 1].replace(/\r$/, '');
    const shown = content.length > 160 ? `${content.slice(0, 157)}...` : content;
    out.push(`  ${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${shown}`);
  }
  if (column && column <= 160) {
    const before = lines[line - 1].slice(0, column - 1).replace(/[^\t]/g, ' ');
    out.push(`    ${' '.repeat(width)} | ${before}^`);
  }
  return out.join('\n');
}

/** `N errors, M warnings` and the count per rule, most frequent first. */
export function summaryByRule(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const counts = new Map<string, { severity: string; count: number }>();
  for (const d of diagnostics) {
    const key = `${d.ruleId}\t${d.severity}`;
    const c = counts.get(key) ?? { severity: d.severity, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  const rows = [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([key, c]) => `  ${String(c.count).padStart(5)}  ${c.severity.padEnd(7)} ${key.split('\t')[0]}`);
  return ['by rule:', ...rows].join('\n');
}
