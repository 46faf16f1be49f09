import type { RenderContext } from './render-context.js';
import { type PageRenderer, renderInThread } from './render-pages.js';
import type { SiteSnapshot } from './site-snapshot.js';
import { startRenderPool } from './worker/render-pool.js';

/**
 * Chooses how pages are rendered: in this thread (`jobs` 1), or on a pool of `jobs` worker threads
 * started lazily, only when some page actually needs rendering (a warm build starts none).
 */
export async function pageRenderer(
  ctx: RenderContext,
  snapshot: SiteSnapshot,
  options: { jobs: number; collectFacts: boolean; onRendered?: () => void },
): Promise<{ render: PageRenderer; close?: () => Promise<void> }> {
  const inThread = renderInThread(ctx, options.onRendered);
  if (options.jobs <= 1) return { render: inThread };
  let pool: Awaited<ReturnType<typeof startRenderPool>> | undefined;
  return {
    render: async (pages) => {
      // A handful of pages is not worth starting threads and copying the snapshot for.
      if (pages.length < options.jobs * 4) return inThread(pages);
      pool ??= await startRenderPool(snapshot, options.jobs, options.collectFacts, options.onRendered);
      return pool.render(pages);
    },
    close: async () => pool?.close(),
  };
}
