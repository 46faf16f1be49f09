import type { RenderContext } from './render-context.js';
import { renderPageBatch } from './render-page.js';
import { type OnRendered, type PageRenderer, renderInThread } from './render-pages.js';
import { type Jobs, renderPlan } from './render-threads.js';
import type { SiteSnapshot } from './site-snapshot.js';
import type { PrestartedWorker } from './worker/prestart-worker.js';
import { startRenderPool } from './worker/render-pool.js';

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
  options: {
    jobs: Jobs;
    collectFacts: boolean;
    onRendered?: OnRendered;
    workers?: boolean;
    /** Workers started early (`prestartRenderWorker`), taken first; the caller ends any left. */
    prestarted?: readonly PrestartedWorker[];
  },
): Promise<{ render: PageRenderer; close?: () => Promise<void> }> {
  const inThread = renderInThread(ctx, options.onRendered);
  if (options.workers === false) return { render: inThread };
  let pool: Awaited<ReturnType<typeof startRenderPool>> | undefined;
  return {
    render: async (pages) => {
      const { workers, here } = renderPlan(pages.length, options.jobs);
      if (workers === 0) return inThread(pages);
      // N threads: N - 1 workers and this one. A single job still goes to a worker, which keeps
      // the render's garbage apart from the results held here: 7% faster than rendering here, for
      // ~55 MiB more at 4,000 pages.
      pool ??= await startRenderPool(
        snapshot,
        workers,
        options.collectFacts,
        options.onRendered,
        here ? (batch) => renderPageBatch(batch, ctx) : undefined,
        options.prestarted,
      );
      return pool.render(pages);
    },
    close: async () => pool?.close(),
  };
}
