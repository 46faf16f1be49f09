import type { MarkdownGuard } from '../render-context.js';

/**
 * A render worker's Markdown clock: shared memory holding when the conversion in progress started
 * (`Date.now()`, 0 when none runs) and which page (snapshot index) the worker is rendering. The
 * worker marks it around each conversion, which costs two stores, instead of starting a vm
 * watchdog thread per page; its pool reads it and stops a worker whose conversion has run past
 * `markdown_time_limit`.
 */
export function createMarkdownClock(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT);
}

/** Records the page the worker renders next. */
export function setClockPage(clock: SharedArrayBuffer, index: number): void {
  new Float64Array(clock)[1] = index;
}

/** The page the worker is rendering (snapshot index). */
export function clockPage(clock: SharedArrayBuffer): number {
  return new Float64Array(clock)[1];
}

/** The guard a worker renders with: marks the clock while `convert` runs. */
export function clockedGuard(clock: SharedArrayBuffer): MarkdownGuard {
  const started = new Float64Array(clock);
  return (convert) => {
    started[0] = Date.now();
    try {
      return convert();
    } finally {
      started[0] = 0;
    }
  };
}

/** True when the conversion the clock marks has run longer than `limitMs`. */
export function isOverdue(clock: SharedArrayBuffer, limitMs: number, now = Date.now()): boolean {
  const started = new Float64Array(clock)[0];
  return started > 0 && now - started > limitMs;
}
