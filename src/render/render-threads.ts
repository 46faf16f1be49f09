import { availableParallelism } from 'node:os';

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
 * Who renders a batch of `pages`: `workers` worker threads (0: this thread alone), and whether
 * this thread renders beside them (`here`; with one thread in all, that thread is a worker).
 */
export function renderPlan(pages: number, jobs: Jobs): { workers: number; here: boolean } {
  const threads = threadsFor(pages, jobs, jobs === 'auto' ? availableParallelism() : jobs);
  const explicit = jobs !== 'auto' && threads > 1;
  if (!explicit && pages < WORKER_MIN_PAGES) return { workers: 0, here: true };
  return { workers: Math.max(1, threads - 1), here: threads > 1 };
}

/** Threads worth using for a batch of `pages`: an explicit N needs 4 pages a thread, `auto` more. */
export function threadsFor(pages: number, jobs: Jobs, max: number): number {
  if (jobs !== 'auto') return pages < jobs * 4 ? 1 : jobs;
  return Math.max(1, Math.min(max, Math.floor(pages / AUTO_PAGES_PER_THREAD)));
}
