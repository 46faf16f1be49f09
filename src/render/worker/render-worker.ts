// Worker thread entry: renders pages of the snapshot it was started with. The snapshot arrives
// once, as workerData or the first message (structured clone keeps shared objects shared; packed
// so that each page's text is cloned once, snapshot-transfer.ts); then each message names page
// indices to render and gets their results back in the same order. Markdown conversions are
// marked on the clock the pool watches (markdown-clock.ts) instead of run under a vm watchdog.
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics.js';
import { createPluginRegistry } from '../../plugin-api.js';
import { loadPlugins } from '../../read/load-plugins.js';
import { createRenderContext } from '../render-context.js';
import { renderPage } from '../render-page.js';
import { clockedGuard, setClockPage } from './markdown-clock.js';
import { type PackedSnapshot, unpackSnapshot } from './snapshot-transfer.js';
import type { WorkerReply, WorkerRequest } from './worker-messages.js';

interface WorkerInit {
  packed: PackedSnapshot;
  collectFacts: boolean;
  clock: SharedArrayBuffer;
}
// Started with the snapshot, or early (prestart-worker.ts): the modules above
// load while the main thread reads the site, then the snapshot comes as the first message.
const { packed, collectFacts, clock } =
  (workerData as { init?: WorkerInit }).init ??
  (await new Promise<WorkerInit>((resolve) =>
    parentPort?.once('message', (message: { init: WorkerInit }) => resolve(message.init)),
  ));
/** Index of the page being rendered (its body is not kept after the render, snapshot-transfer.ts). */
let rendering = -1;
const snapshot = unpackSnapshot(packed, () => rendering);
const { registry, api } = createPluginRegistry(Object.freeze({ ...snapshot.config.values }));
// The main thread loaded the same plugins and reported their problems; these are duplicates.
const ignored: Diagnostic[] = [];
await loadPlugins(snapshot.config, api, [], ignored);
const ctx = createRenderContext(snapshot, registry, { collectFacts, guardMarkdown: clockedGuard(clock) });

/** Renders one request's pages and sends them back. */
async function answer(request: WorkerRequest): Promise<void> {
  const results = [];
  for (const index of request.pages) {
    setClockPage(clock, index);
    rendering = index;
    try {
      results.push(await renderPage(snapshot.pages[index], ctx));
    } finally {
      rendering = -1;
    }
  }
  const reply: WorkerReply = { id: request.id, results };
  try {
    parentPort?.postMessage(reply);
  } catch {
    // A diagnostic's `cause` that cannot be cloned: send the results without causes.
    for (const r of results) r.diagnostics = r.diagnostics.map(({ cause: _cause, ...d }) => d);
    parentPort?.postMessage(reply);
  }
}

// The pool keeps several requests queued here (REQUESTS_PER_WORKER, render-pool.ts), so this thread
// never waits for the next one; they are answered one after the other, so the clock always names
// the page being rendered.
let queue = Promise.resolve();
parentPort?.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => answer(request));
});
parentPort?.postMessage({ ready: true });
