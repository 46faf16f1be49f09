// Worker thread entry: renders pages of the snapshot it was started with. The snapshot arrives
// once, as workerData (structured clone keeps shared objects shared); then each message names page
// indices to render and gets their results back in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics.js';
import { createPluginRegistry } from '../../plugin-api.js';
import { loadPlugins } from '../../read/load-plugins.js';
import { createRenderContext } from '../render-context.js';
import { renderPage } from '../render-page.js';
import type { SiteSnapshot } from '../site-snapshot.js';
import type { WorkerReply, WorkerRequest } from './worker-messages.js';

const { snapshot, collectFacts } = workerData as { snapshot: SiteSnapshot; collectFacts: boolean };
const { registry, api } = createPluginRegistry(Object.freeze({ ...snapshot.config.values }));
// The main thread loaded the same plugins and reported their problems; these are duplicates.
const ignored: Diagnostic[] = [];
await loadPlugins(snapshot.config, api, [], ignored);
const ctx = createRenderContext(snapshot, registry, { collectFacts });

parentPort?.on('message', async (request: WorkerRequest) => {
  const results = [];
  for (const index of request.pages) results.push(await renderPage(snapshot.pages[index], ctx));
  const reply: WorkerReply = { id: request.id, results };
  try {
    parentPort?.postMessage(reply);
  } catch {
    // A diagnostic's `cause` that cannot be cloned: send the results without causes.
    for (const r of results) r.diagnostics = r.diagnostics.map(({ cause: _cause, ...d }) => d);
    parentPort?.postMessage(reply);
  }
});
parentPort?.postMessage({ ready: true });
