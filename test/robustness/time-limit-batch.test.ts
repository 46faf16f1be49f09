import { describe, expect, it } from 'vitest';
import { runWithTimeLimit, TimeLimitError } from '../../src/render/markdown/run-with-time-limit.js';
import { convertEachWithinLimit } from '../../src/render/render-page.js';

/** Busy for `ms` of wall time, as a slow conversion is. */
const busy = (ms: number, value: string) => () => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Spinning.
  }
  return value;
};

/** The real guard, counting its calls. */
function countingGuard(limitMs: number) {
  const guard = <T>(convert: () => T): T => {
    guard.calls++;
    return runWithTimeLimit(convert, limitMs);
  };
  guard.calls = 0;
  return guard;
}

describe('Markdown conversions of a batch under one time-limit guard', () => {
  it('runs all conversions in one guarded call when none is stopped', () => {
    const guard = countingGuard(10_000);
    const conversions = ['a', 'b', 'c'].map((v) => () => v);
    expect(convertEachWithinLimit(conversions, guard)).toEqual([
      { value: 'a' },
      { value: 'b' },
      { value: 'c' },
    ]);
    expect(guard.calls).toBe(1);
  });

  it('keeps a conversion the watchdog reports only after it finished, and runs the next one', () => {
    // The first guarded call is stopped before its first conversion ends; the lone run of that
    // conversion finishes but is reported as stopped (Node's watchdog does this near the limit).
    let call = 0;
    const guard = (convert: () => void) => {
      call++;
      if (call === 1) throw new TimeLimitError(100);
      convert();
      if (call === 2) throw new TimeLimitError(100);
    };
    const ran: string[] = [];
    const conversions = ['a', 'b', 'c'].map((v) => () => {
      ran.push(v);
      return v;
    });
    expect(convertEachWithinLimit(conversions, guard)).toEqual([
      { value: 'a' },
      { value: 'b' },
      { value: 'c' },
    ]);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('keeps each conversion’s own error and goes on with the others', () => {
    const guard = countingGuard(10_000);
    const outcomes = convertEachWithinLimit(
      [
        () => 'a',
        () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
        () => 'c',
      ],
      guard,
    );
    expect(outcomes[0]).toEqual({ value: 'a' });
    expect((outcomes[1] as { error: Error }).error).toBeInstanceOf(RangeError);
    expect(outcomes[2]).toEqual({ value: 'c' });
  });

  it('with the real watchdog: only a conversion slower than the limit on its own fails', () => {
    const guard = countingGuard(300);
    // Together the first three take longer than the limit; each alone does not. The batch is
    // stopped in the third, which is run again alone; then in the fourth, which fails alone.
    const outcomes = convertEachWithinLimit(
      [busy(120, 'a'), busy(120, 'b'), busy(120, 'c'), busy(1500, 'slow'), busy(10, 'e')],
      guard,
    );
    expect(outcomes.slice(0, 3)).toEqual([{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    expect((outcomes[3] as { error: unknown }).error).toBeInstanceOf(TimeLimitError);
    expect(outcomes[4]).toEqual({ value: 'e' });
    expect(guard.calls).toBeGreaterThan(2);
  });
});
