import type { Diagnostic } from '../diagnostics.js';
import { summaryByRule } from './format-text-report.js';

/** GitHub shows only a few annotations per step; more are noise. The rest go to the job summary. */
export const GITHUB_ANNOTATION_CAP = 50;

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`) for the first
 * diagnostics, and a Markdown job summary listing all of them by rule.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], cap = GITHUB_ANNOTATION_CAP) {
  const annotations = diagnostics.slice(0, cap).map((d) => {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props = [`file=${property(d.file)}`];
    if (d.line) props.push(`line=${d.line}`);
    if (d.column) props.push(`col=${d.column}`);
    props.push(`title=${property(d.ruleId)}`);
    const chain = d.chain?.length ? ` (included from ${[...d.chain].reverse().join(', ')})` : '';
    return `::${command} ${props.join(',')}::${data(`${d.message}${chain}${d.hint ? `. ${d.hint}` : ''}`)}`;
  });
  const rows = diagnostics.map(
    (d) =>
      `| ${d.severity} | \`${d.ruleId}\` | \`${d.file}${d.line ? `:${d.line}` : ''}\` | ${d.message.replace(/\|/g, '\\|')} |`,
  );
  const summary = [
    `### galley check: ${diagnostics.length} findings${diagnostics.length > cap ? ` (first ${cap} annotated)` : ''}`,
    '',
    '```',
    summaryByRule(diagnostics),
    '```',
    '',
    '| severity | rule | where | message |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
  return { annotations: annotations.join('\n'), summary };
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
