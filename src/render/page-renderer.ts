import { availableParallelism } from 'node:os';
import type { RenderContext } from './render-context.js';
import { renderPageBatch } from './render-page.js';
import { type OnRendered, type PageRenderer, renderInThread } from './render-pages.js';
import type { SiteSnapshot } from './site-snapshot.js';
import { startRenderPool } from './worker/render-pool.js';

/**
 * Pages each extra thread must have before `jobs: 'auto'` starts it: a worker costs ~0.2 s to load
 * the renderer and clone the snapshot, about what a dozen pages take to render, so a pool pays only
 * on larger batches.
 */
export const AUTO_PAGES_PER_THREAD = 50;

/**
 * Pages a batch needs before `auto`, or one job, renders it in workers rather than in this thread.
 * In this thread Markdown conversions run under a vm watchdog, a thread started per batch of pages
 * (0.1 ms of CPU, and a wait for the scheduler on a loaded machine); a worker is watched from
 * here instead, and keeps its garbage in its own heap, apart from the results this thread keeps.
 * Below this a worker's start (loading the renderer, cloning the snapshot) is not repaid.
 */
export const WORKER_MIN_PAGES = 200;

/** How many threads render: a number, or `auto` (one per core, for batches large enough). */
export type Jobs = number | 'auto';

/**
 * Chooses how pages are rendered: in this thread, or on `jobs` threads, this one and `jobs - 1`
 * workers started lazily, only when some batch actually needs rendering (a warm build starts
 * none). This thread also hands out pages, watches the workers' time limits and keeps results.
 * Rendering here instead of in one more worker costs no time on the 4,000-page bench site and
 * saves that worker's heap: ~65 MiB of peak memory at 2 jobs (issue 7: 383 MiB, 450 before).
 * `workers: false` (plugins given in code, which a worker cannot load) keeps everything here.
 */
export async function pageRenderer(
  ctx: RenderContext,
  snapshot: SiteSnapshot,
  options: { jobs: Jobs; collectFacts: boolean; onRendered?: OnRendered; workers?: boolean },
): Promise<{ render: PageRenderer; close?: () => Promise<void> }> {
  const inThread = renderInThread(ctx, options.onRendered);
  if (options.workers === false) return { render: inThread };
  const max = options.jobs === 'auto' ? availableParallelism() : options.jobs;
  let pool: Awaited<ReturnType<typeof startRenderPool>> | undefined;
  return {
    render: async (pages) => {
      const jobs = threadsFor(pages.length, options.jobs, max);
      const explicit = options.jobs !== 'auto' && jobs > 1;
      if (!explicit && pages.length < WORKER_MIN_PAGES) return inThread(pages);
      // N threads: N - 1 workers and this one. A single job still goes to a worker, which keeps
      // the render's garbage apart from the results held here: 7% faster than rendering here, for
      // ~55 MiB more at 4,000 pages.
      pool ??= await startRenderPool(
        snapshot,
        Math.max(1, jobs - 1),
        options.collectFacts,
        options.onRendered,
        jobs > 1 ? (batch) => renderPageBatch(batch, ctx) : undefined,
      );
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
