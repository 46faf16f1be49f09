import { availableParallelism } from 'node:os';
import type { RenderContext } from './render-context.js';
import { type PageRenderer, renderInThread } from './render-pages.js';
import type { SiteSnapshot } from './site-snapshot.js';
import { startRenderPool } from './worker/render-pool.js';

/**
 * Pages each extra thread must have before `jobs: 'auto'` starts it: a worker costs ~0.2 s to load
 * the renderer and clone the snapshot, about what a dozen pages take to render, so a pool pays only
 * on larger batches.
 */
export const AUTO_PAGES_PER_THREAD = 50;

/** How many threads render: a number, or `auto` (one per core, for batches large enough). */
export type Jobs = number | 'auto';

/**
 * Chooses how pages are rendered: in this thread, or on this thread plus `jobs - 1` worker threads
 * started lazily, only when some batch actually needs rendering (a warm build starts none). This
 * thread renders too, so N jobs hold N copies of the renderer, not N + 1.
 */
export async function pageRenderer(
  ctx: RenderContext,
  snapshot: SiteSnapshot,
  options: { jobs: Jobs; collectFacts: boolean; onRendered?: () => void },
): Promise<{ render: PageRenderer; close?: () => Promise<void> }> {
  const inThread = renderInThread(ctx, options.onRendered);
  const max = options.jobs === 'auto' ? availableParallelism() : options.jobs;
  if (max <= 1) return { render: inThread };
  let pool: Awaited<ReturnType<typeof startRenderPool>> | undefined;
  return {
    render: async (pages) => {
      const jobs = threadsFor(pages.length, options.jobs, max);
      if (jobs <= 1) return inThread(pages);
      pool ??= await startRenderPool(snapshot, jobs - 1, ctx, options.collectFacts, options.onRendered);
      return pool.render(pages);
    },
    close: async () => pool?.close(),
  };
}

/** Threads worth using for a batch of `pages`: an explicit N needs 4 pages a thread, `auto` more. */
export function threadsFor(pages: number, jobs: Jobs, max: number): number {
  if (jobs !== 'auto') return pages < jobs * 4 ? 1 : jobs;
  return Math.max(1, Math.min(max, Math.floor(pages / AUTO_PAGES_PER_THREAD)));
}
