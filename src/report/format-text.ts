import type { Diagnostic } from '../diagnostics.js';

/** One diagnostic as `file:line:col severity rule message`, with hint and include chain lines. */
export function formatDiagnostic(d: Diagnostic): string {
  const pos = d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '';
  const lines = [`${d.file}${pos} ${d.severity} ${d.ruleId} ${d.message}`];
  if (d.chain?.length) lines.push(`  included from ${[...d.chain].reverse().join(', included from ')}`);
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}

/** All diagnostics, one block each, in the order given. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n');
}
