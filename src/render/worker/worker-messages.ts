import type { RenderedPage } from '../render-page.js';

/** Main thread to worker: render these pages (indices into the snapshot's pages). */
export interface WorkerRequest {
  id: number;
  pages: number[];
}

/** Worker to main thread: the rendered pages, in the order asked. */
export interface WorkerReply {
  id: number;
  results: RenderedPage[];
}
