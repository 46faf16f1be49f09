import type { Worker } from 'node:worker_threads';
import { TimeLimitError } from '../markdown/run-with-time-limit.js';
import { markdownFailure, type RenderedPage } from '../render-page.js';
import type { OnRendered } from '../render-pages.js';
import type { RenderablePage, SiteSnapshot } from '../site-snapshot.js';
import { clockPage, createMarkdownClock, isOverdue } from './markdown-clock.js';
import { newRenderWorker, type PrestartedWorker, whenReady } from './prestart-worker.js';
import { shareRepeatedStrings } from './share-strings.js';
import { packSnapshot } from './snapshot-transfer.js';
import type { WorkerReply } from './worker-messages.js';

/** Pages handed to a worker at a time: small enough to balance, large enough to keep messages few. */
const CHUNK = 8;

/**
 * Chunks a worker has asked for or holds at once. This thread renders two chunks per turn and
 * hands out work only between turns: with two per worker, the worker sat idle for ~0.7 s of the
 * 4,000-page bench site's render, waiting for its next chunk (CPU profile); with three, <0.1 s.
 */
const REQUESTS_PER_WORKER = 3;

/** A pool of render workers over one snapshot. */
export interface RenderPool {
  render(pages: readonly RenderablePage[]): Promise<RenderedPage[]>;
  close(): Promise<void>;
}

/** A worker, the clock it marks its Markdown conversions on, and the request it is working on. */
interface PoolWorker {
  worker: Worker;
  clock: SharedArrayBuffer;
  /** Fail the requests in progress. */
  pending: Set<(error: StoppedWorker) => void>;
}

/** A worker was stopped while converting the Markdown of the page at `index` in the snapshot. */
class StoppedWorker extends Error {
  constructor(readonly index: number) {
    super(`render worker stopped on page ${index}`);
  }
}

/**
 * Starts `size` worker threads, each with its own copy of the snapshot, Liquid engine, Markdown
 * processor and site plugins. Pages are handed out in small chunks to whichever worker is free and
 * the results put back in page order, so the output does not depend on scheduling. This thread
 * hands out work and watches the workers' Markdown clocks: a worker whose conversion runs past
 * `markdown_time_limit` is stopped and replaced, its page fails with `markdown/time-limit` and the
 * rest of its chunk is handed out again. With `renderHere`, this thread also takes chunks and
 * renders them itself, with the workers' replies let in between: it already holds the snapshot,
 * so it renders as one more worker would for one worker's memory less.
 */
export async function startRenderPool(
  snapshot: SiteSnapshot,
  size: number,
  collectFacts: boolean,
  onRendered?: OnRendered,
  renderHere?: (pages: readonly RenderablePage[]) => Promise<RenderedPage[]>,
  prestarted: readonly PrestartedWorker[] = [],
): Promise<RenderPool> {
  const sentAlready = (early: PrestartedWorker | undefined) =>
    early?.sent?.snapshot === snapshot && early.sent.collectFacts === collectFacts ? early.sent : undefined;
  // Packed once (or taken from the early workers): a worker replacing a stopped one gets the same.
  const packed = prestarted.map(sentAlready).find(Boolean)?.packed ?? packSnapshot(snapshot);
  const unused = [...prestarted];
  const spawn = async (): Promise<PoolWorker> => {
    let early = unused.shift();
    if (early?.ended) throw early.ended;
    const sent = sentAlready(early);
    if (early?.sent && !sent) {
      // Sent another snapshot: of no use here (a build sends one), and a second init would be
      // taken for a request.
      void early.worker.terminate();
      early = undefined;
    }
    const clock = sent?.clock ?? createMarkdownClock();
    const init = { packed, collectFacts, clock };
    const worker = early?.worker ?? newRenderWorker(init);
    // A worker started early has loaded the renderer meanwhile and waits for the snapshot.
    if (early && !sent) worker.postMessage({ init });
    await (sent?.ready ?? whenReady(worker));
    return { worker, clock, pending: new Set() };
  };
  // Slots of workers; a stopped worker's slot gets a new one (a promise while it starts).
  const slots: Promise<PoolWorker>[] = Array.from({ length: size }, spawn);
  // Not waited for here: this thread renders (or hashes cache keys) while the workers load, and
  // a worker that fails to start fails the render that waits for it.
  const workers: (PoolWorker | undefined)[] = new Array(size);
  for (const [slot, started] of slots.entries()) {
    started.then(
      (w) => {
        if (slots[slot] === started) workers[slot] = w;
      },
      () => undefined,
    );
  }
  const indexOf = new Map(snapshot.pages.map((p, i) => [p, i]));
  const limitMs = snapshot.config.markdownTimeLimit;
  let nextId = 0;
  // Texts repeated across replies (paths, URLs, names) are kept once while the results wait.
  const texts = new Map<string, string>();
  const ask = (w: PoolWorker, pages: number[]) =>
    new Promise<RenderedPage[]>((resolve, reject) => {
      const id = nextId++;
      const settle = () => {
        w.worker.off('message', onMessage);
        w.worker.off('error', onError);
        w.worker.off('exit', onExit);
        w.pending.delete(onError);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        settle();
        for (const result of reply.results) {
          shareRepeatedStrings(result.facts, texts);
          shareRepeatedStrings(result.diagnostics, texts);
          shareRepeatedStrings(result.dependencies, texts);
        }
        resolve(reply.results);
      };
      const onError = (error: unknown) => {
        settle();
        reject(error);
      };
      const onExit = (code: number) => onError(new Error(`render worker exited (code ${code})`));
      w.pending.add(onError);
      w.worker.on('message', onMessage);
      w.worker.once('error', onError);
      w.worker.once('exit', onExit);
      w.worker.postMessage({ id, pages });
    });
  /** Stops every worker whose Markdown conversion is overdue; its request fails with the page. */
  const watch = () => {
    const now = Date.now();
    for (const w of workers) {
      if (!w?.pending.size || !isOverdue(w.clock, limitMs, now)) continue;
      const stopped = new StoppedWorker(clockPage(w.clock));
      for (const stop of [...w.pending]) stop(stopped);
      void w.worker.terminate();
    }
  };
  return {
    async render(pages) {
      const indices = pages.map((p) => {
        const i = indexOf.get(p);
        if (i === undefined) throw new Error(`page ${p.source.path} is not in the render snapshot`);
        return i;
      });
      const results: RenderedPage[] = new Array(pages.length);
      // Chunks of positions in `pages`; a stopped worker's unfinished chunk goes back to the front.
      const queue: number[][] = [];
      for (let start = 0; start < pages.length; start += CHUNK) {
        queue.push(Array.from({ length: Math.min(CHUNK, pages.length - start) }, (_, k) => start + k));
      }
      queue.reverse();
      // REQUESTS_PER_WORKER requests per worker are in flight, so a worker never idles waiting
      // for this thread to hand out the next chunk.
      const inWorker = async (slot: number) => {
        for (let chunk = queue.pop(); chunk; chunk = queue.pop()) {
          const started = slots[slot];
          const w = await started;
          try {
            const done = await ask(
              w,
              chunk.map((k) => indices[k]),
            );
            for (const [n, r] of done.entries()) {
              results[chunk[n]] = r;
              onRendered?.(pages[chunk[n]], r);
            }
          } catch (error) {
            if (!(error instanceof StoppedWorker)) throw error;
            const stuck = chunk.find((k) => indices[k] === error.index);
            if (stuck !== undefined) {
              results[stuck] = {
                html: null,
                diagnostics: [markdownFailure(pages[stuck].source, new TimeLimitError(limitMs))],
                dependencies: [],
              };
              onRendered?.(pages[stuck], results[stuck]);
            }
            const rest = chunk.filter((k) => k !== stuck);
            if (rest.length) queue.push(rest);
            // Every request of the stopped worker lands here; the first replaces it.
            if (slots[slot] === started) slots[slot] = spawn();
            workers[slot] = await slots[slot];
          }
        }
      };
      // Set when a worker's request fails: the render has failed, so this thread stops taking chunks.
      let failed = false;
      const here = async () => {
        if (!renderHere) return;
        for (let chunk = queue.pop(); chunk && !failed; chunk = queue.pop()) {
          // Two chunks at a time: their conversions share one vm watchdog here (a thread started
          // and joined per call, ~1 ms on a busy 2-core machine).
          const second = queue.pop();
          if (second) chunk = [...chunk, ...second];
          // A turn of the event loop first, so replies waiting here get their next chunk.
          await new Promise((resolve) => setImmediate(resolve));
          const done = await renderHere(chunk.map((k) => pages[k]));
          for (const [n, r] of done.entries()) {
            results[chunk[n]] = r;
            onRendered?.(pages[chunk[n]], r);
          }
        }
      };
      const timer = setInterval(watch, Math.min(250, Math.max(10, limitMs / 4)));
      timer.unref();
      try {
        const inWorkers = slots.flatMap((_, slot) =>
          Array.from({ length: REQUESTS_PER_WORKER }, () => inWorker(slot)),
        );
        for (const request of inWorkers) {
          request.catch(() => {
            failed = true;
          });
        }
        await Promise.all([...inWorkers, here()]);
      } finally {
        clearInterval(timer);
      }
      return results;
    },
    async close() {
      await Promise.all(
        slots.map((started) =>
          started.then(
            (w) => w.worker.terminate(),
            () => undefined,
          ),
        ),
      );
    },
  };
}
