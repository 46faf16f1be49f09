import type { Diagnostic } from '../diagnostics.js';

/** Diagnostics as a JSON array (without `cause`, which may not serialise). */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map(({ cause: _cause, ...d }) => d),
    null,
    2,
  );
}
