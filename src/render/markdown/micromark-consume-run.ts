import type { Code, Effects } from 'micromark-util-types';

type RunEffects = Effects & { consumeRun?: (code: Code, stop?: (code: number) => boolean) => void };

/**
 * Consumes `code` and, with Galley's micromark patch (patches/), the characters after it in the
 * same string chunk up to the first one `stop` accepts: one call instead of one state per
 * character. Only for states that, for any character `stop` rejects other than a line ending,
 * tab or NUL (never inside a string chunk), consume it and return themselves. Without the patch
 * (an install that skipped it) it consumes `code` alone, with the same result, slower.
 */
export function consumeRun(effects: Effects, code: Code, stop?: (code: number) => boolean): void {
  const run = (effects as RunEffects).consumeRun;
  if (run) run(code, stop);
  else effects.consume(code);
}
