import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A render worker started before the site is read, so that loading the renderer (~0.3 s) overlaps
 * the read; `startRenderPool` sends it the snapshot. One the pool does not take must be ended with
 * `endPrestarted`. `ended` is set when it failed or exited meanwhile.
 */
export interface PrestartedWorker {
  worker: Worker;
  ended: Error | null;
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

/** A render worker; without `init` it waits for a message `{ init }` before it gets ready. */
export function newRenderWorker(init: object | undefined): Worker {
  const script = new URL(`./render-worker${sourceExtension()}`, import.meta.url);
  const workerData = init ? { init } : {};
  // Under the test runner the sources are TypeScript: the worker registers tsx, then loads them.
  return sourceExtension() === '.ts'
    ? new Worker(
        `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`,
        { eval: true, execArgv: [], workerData },
      )
    : new Worker(script, { workerData });
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
