import type { CacheReport } from '../build.js';

/**
 * `--explain` text: that the last build's result was reused when it was, one line per rendered page with the reason it was not taken from the render cache, then a count line.
 */
export function formatExplain(report: CacheReport): string {
  const lines = report.rebuilt.map((r) => `rendered ${r.path}: ${r.reason}\n`);
  const total = report.reused + report.rebuilt.length;
  const state = report.enabled ? '' : ' (cache off)';
  // Why a recorded build was not reused is in the report; the rendered pages say the same here.
  if (report.lastBuild?.replayed) lines.push('nothing changed since the last build: its result was reused\n');
  return `${lines.join('')}render cache${state}: ${report.reused} of ${total} pages reused, ${report.rebuilt.length} rendered\n`;
}
