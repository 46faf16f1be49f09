import { describe, expect, it } from 'vitest';
import { listTree } from '../build/helpers.js';
import {
  buildWs,
  errorsAt,
  expectUntouched,
  snapshotHashes,
  stagingLeftovers,
  workspace,
} from './workspace.js';

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
      // Non-ASCII and astral text: a worker started again reads the bodies from the same shared buffer.
      files[`p${String(i).padStart(2, '0')}.md`] = page(
        `# Page ${i}\n\nBody ${i}: \u00e9t\u00e9 \u6f22 \u{1F600}.\n`,
      );
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
    // Those of the stopped worker's chunk are rendered again: their text is whole too.
    for (const p of pooled.pages.filter((p) => p.path !== 'p05-slow.md'))
      expect(p.html).toContain(`Body ${Number(p.path.slice(1, 3))}: \u00e9t\u00e9 \u6f22 \u{1F600}.`);
    expect(errorsAt(oneThread.diagnostics)).toEqual(errorsAt(pooled.diagnostics));
    expectUntouched(ws);
    // Two workers load the TypeScript sources through tsx, and one is started again: slow when loaded.
  }, 90_000);

  it('a page stuck in the main thread, which renders beside the workers, fails alone too', async () => {
    const files: Record<string, string> = { '_config.yml': 'markdown_time_limit: 2000\n' };
    for (let i = 0; i < 20; i++)
      files[`p${String(i).padStart(2, '0')}.md`] = page(`# Page ${i}\n\nBody ${i}.\n`);
    // In the third chunk of eight: the worker takes the first two, this thread the third.
    files['p18-slow.md'] = page(slowBody());
    const ws = snapshotHashes(workspace(null, files));
    const pooled = await buildWs(ws, { writeOnError: true, jobs: 2 });
    expect(errorsAt(pooled.diagnostics)).toEqual(['p18-slow.md:3:1 markdown/time-limit']);
    expect(listTree(ws.dest)).toHaveLength(20);
    const oneThread = await buildWs(ws, { writeOnError: true, jobs: 1 });
    expect(oneThread.pages).toEqual(pooled.pages);
    expectUntouched(ws);
  }, 90_000);

  it('a worker that ends while starting fails the build with that reason instead of leaving it waiting', async () => {
    const files: Record<string, string> = {
      // A plugin that ends its thread when loaded in a render worker (but not in the main thread).
      '_plugins/exit-in-worker.mjs':
        "import { isMainThread } from 'node:worker_threads';\nif (!isMainThread) process.exit(3);\nexport default function () {}\n",
    };
    for (let i = 0; i < 20; i++) files[`p${String(i).padStart(2, '0')}.md`] = page(`# Page ${i}\n`);
    const ws = snapshotHashes(workspace(null, files));
    await expect(buildWs(ws, { jobs: 2 })).rejects.toThrow('render worker exited while starting (code 3)');
    expect(stagingLeftovers(ws.dest)).toEqual([]);
    expectUntouched(ws);
  }, 60_000);
});
