import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderContext } from '../render-context.js';
import { type RenderedPage, renderPage } from '../render-page.js';
import type { RenderablePage, SiteSnapshot } from '../site-snapshot.js';
import type { WorkerReply } from './worker-messages.js';

/** Pages handed to a worker at a time: small enough to balance, large enough to keep messages few. */
const CHUNK = 8;

/** A pool of render workers over one snapshot. */
export interface RenderPool {
  render(pages: readonly RenderablePage[]): Promise<RenderedPage[]>;
  close(): Promise<void>;
}

/**
 * Starts `size` worker threads, each with its own copy of the snapshot, Liquid engine, Markdown
 * processor and site plugins; this thread renders beside them with `ctx`. Pages are handed out in
 * small chunks to whichever thread is free and the results put back in page order, so the output
 * does not depend on scheduling.
 */
export async function startRenderPool(
  snapshot: SiteSnapshot,
  size: number,
  ctx: RenderContext,
  collectFacts: boolean,
  onRendered?: () => void,
): Promise<RenderPool> {
  const script = new URL(`./render-worker${sourceExtension()}`, import.meta.url);
  // Under the test runner the sources are TypeScript: the worker registers tsx, then loads them.
  const start = () =>
    sourceExtension() === '.ts'
      ? new Worker(
          `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`,
          { eval: true, execArgv: [], workerData: { snapshot, collectFacts } },
        )
      : new Worker(script, { workerData: { snapshot, collectFacts } });
  const workers = await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = start();
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      return worker;
    }),
  );
  const indexOf = new Map(snapshot.pages.map((p, i) => [p, i]));
  let nextId = 0;
  const ask = (worker: Worker, pages: number[]) =>
    new Promise<RenderedPage[]>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(reply.results);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage({ id, pages });
    });
  return {
    async render(pages) {
      const indices = pages.map((p) => {
        const i = indexOf.get(p);
        if (i === undefined) throw new Error(`page ${p.source.path} is not in the render snapshot`);
        return i;
      });
      const results: RenderedPage[] = new Array(pages.length);
      let next = 0;
      const take = () => {
        const start = next;
        next = Math.min(indices.length, next + CHUNK);
        return start;
      };
      const inWorker = async (worker: Worker) => {
        while (next < indices.length) {
          const start = take();
          const done = await ask(worker, indices.slice(start, next));
          for (const [k, r] of done.entries()) {
            results[start + k] = r;
            onRendered?.();
          }
        }
      };
      // This thread takes one page at a time, so replies from workers are read between pages.
      const inThisThread = async () => {
        while (next < indices.length) {
          const i = next++;
          results[i] = await renderPage(pages[i], ctx);
          onRendered?.();
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all([...workers.map(inWorker), inThisThread()]);
      return results;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
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
