import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteSnapshot } from '../site-snapshot.js';
import { createMarkdownClock } from './markdown-clock.js';
import { type PackedSnapshot, packSnapshot } from './snapshot-transfer.js';

/**
 * A render worker started before the site is read, so that loading the renderer (~0.3 s) overlaps
 * the read; `sendSnapshotEarly` or `startRenderPool` sends it the snapshot. One the pool does not
 * take must be ended with `endPrestarted`. `ended` is set when it failed or exited meanwhile.
 */
export interface PrestartedWorker {
  worker: Worker;
  ended: Error | null;
  /** What `sendSnapshotEarly` sent it: the worker's first message, so the pool sends none. */
  sent?: EarlySnapshot;
}

/** The snapshot a worker was sent early, as packed for it, and the clock it marks its pages on. */
export interface EarlySnapshot {
  snapshot: SiteSnapshot;
  packed: PackedSnapshot;
  collectFacts: boolean;
  clock: SharedArrayBuffer;
  /** Settles when the worker says it is ready (listened for from the start: it may say so at once). */
  ready: Promise<void>;
}

/**
 * Sends the snapshot to the workers started early as soon as it exists, before this thread
 * compiles the renderer it renders with itself: on the 4,000-page bench site they had it unpacked
 * ~0.2 s sooner than when the pool sent it (they still wait for their first pages, which the pool
 * hands out once this thread has the renderer: their idle start fell from ~540 to ~480 ms).
 * Packed once for all of them.
 */
export function sendSnapshotEarly(
  workers: readonly PrestartedWorker[],
  snapshot: SiteSnapshot,
  collectFacts: boolean,
): void {
  const waiting = workers.filter((w) => !w.ended && !w.sent);
  if (waiting.length === 0) return;
  const packed = packSnapshot(snapshot);
  for (const w of waiting) {
    const clock = createMarkdownClock();
    const ready = whenReady(w.worker);
    // Awaited by the pool that takes the worker; one no pool takes is ended.
    ready.catch(() => undefined);
    w.worker.postMessage({ init: { packed, collectFacts, clock } });
    w.sent = { snapshot, packed, collectFacts, clock, ready };
  }
}

/** Settles when `worker` sends its first message (ready), or fails when it errs or exits first. */
export function whenReady(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const exited = (code: number) => reject(new Error(`render worker exited while starting (code ${code})`));
    worker.once('message', () => {
      worker.off('exit', exited);
      resolve();
    });
    worker.once('error', reject);
    // A worker that ends before it is ready (a plugin calling process.exit) would leave this waiting.
    worker.once('exit', exited);
  });
}

export function prestartRenderWorker(): PrestartedWorker {
  const started: PrestartedWorker = { worker: newRenderWorker(undefined), ended: null };
  started.worker.once('error', (error) => {
    started.ended ??= error;
  });
  started.worker.once('exit', (code) => {
    started.ended ??= new Error(`render worker exited while starting (code ${code})`);
  });
  return started;
}

/** Ends workers started early; for those a pool took, its `close` has ended them already. */
export async function endPrestarted(workers: readonly PrestartedWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.worker.terminate()));
}

/**
 * A render worker's young generation (V8's default is 48 MiB): a render allocates several MiB of
 * short-lived trees per page, and a larger nursery collects them less often for less copying. On
 * the 4,000-page bench site, 96 MiB made cold builds 3-5% faster for ~28 MiB more peak memory
 * per worker (384 MiB at 2 jobs, under Eleventy's ~410); 64 MiB gained less. A 12 MiB one cut
 * the peak by ~85 MiB but cost 13% wall time; `--jobs 1` lowers memory more cheaply.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

/** A render worker; without `init` it waits for a message `{ init }` before it gets ready. */
export function newRenderWorker(init: object | undefined): Worker {
  const script = new URL(`./render-worker${sourceExtension()}`, import.meta.url);
  const workerData = init ? { init } : {};
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  // Under the test runner the sources are TypeScript: the worker registers tsx, then loads them.
  return sourceExtension() === '.ts'
    ? new Worker(
        `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`,
        { eval: true, execArgv: [], workerData, resourceLimits },
      )
    : new Worker(script, { workerData, resourceLimits });
}

/** URL of tsx's ESM loader API (a dev dependency; only the TypeScript sources need it). */
function tsxApi(): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(path.join(path.dirname(pkg), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/** `.js` when running compiled, `.ts` when the sources run directly (tests). */
function sourceExtension(): string {
  return import.meta.url.endsWith('.ts') ? '.ts' : '.js';
}
