/** Galley's version: in SARIF reports, and part of every render-cache key. */
export const GALLEY_VERSION = '0.1.0';
