import { describe, expect, it } from 'vitest';
import { listTree } from '../build/helpers.js';
import { buildWs, errorsAt, expectUntouched, snapshotHashes, workspace } from './workspace.js';

const page = (body: string) => `---\n---\n${body}`;

/** A page whose conversion takes far longer than the limit (minutes): thousands of sections, each with a list. */
function slowBody(): string {
  const section = (i: number) =>
    `## Step ${i}\n\nRun *this* with a [reference](/r/${i}) and \`flag\` set.\n\n- first\n- second\n\n`;
  return Array.from({ length: 12_000 }, (_, i) => section(i)).join('');
}

describe('render workers: markdown_time_limit', () => {
  it('a worker stuck on one page is stopped; that page fails at its line, the others render as on one thread', async () => {
    const files: Record<string, string> = { '_config.yml': 'markdown_time_limit: 2000\n' };
    for (let i = 0; i < 12; i++)
      files[`p${String(i).padStart(2, '0')}.md`] = page(`# Page ${i}\n\nBody ${i}.\n`);
    files['p05-slow.md'] = page(slowBody());
    const ws = snapshotHashes(workspace(null, files));
    const started = performance.now();
    const pooled = await buildWs(ws, { writeOnError: true, jobs: 2 });
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(errorsAt(pooled.diagnostics)).toEqual(['p05-slow.md:3:1 markdown/time-limit']);
    expect(pooled.diagnostics[0].message).toBe(
      'Markdown conversion took longer than 2000 ms and was stopped',
    );
    expect(listTree(ws.dest)).toHaveLength(12);
    expect(listTree(ws.dest)).not.toContain('p05-slow.html');
    const oneThread = await buildWs(ws, { writeOnError: true, jobs: 1 });
    expect(oneThread.pages).toEqual(pooled.pages);
    expect(errorsAt(oneThread.diagnostics)).toEqual(errorsAt(pooled.diagnostics));
    expectUntouched(ws);
    // Two workers load the TypeScript sources through tsx, and one is started again: slow when loaded.
  }, 90_000);
});
