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

  it('fails a conversion stopped first in its call without running it again, and goes on', () => {
    // The first call is stopped in its first conversion, which had the whole limit to itself.
    let calls = 0;
    const guard = (convert: () => void) => {
      calls++;
      if (calls === 1) throw new TimeLimitError(100);
      convert();
    };
    const ran: string[] = [];
    const conversions = ['a', 'b', 'c'].map((v) => () => {
      ran.push(v);
      return v;
    });
    const outcomes = convertEachWithinLimit(conversions, guard);
    expect((outcomes[0] as { error: unknown }).error).toBeInstanceOf(TimeLimitError);
    expect(outcomes.slice(1)).toEqual([{ value: 'b' }, { value: 'c' }]);
    expect(ran).toEqual(['b', 'c']);
    expect(calls).toBe(2);
  });

  it('keeps the results of a call the watchdog reports as stopped only after they finished', () => {
    // Node's watchdog reports most calls that end near the limit as stopped.
    let calls = 0;
    const guard = (convert: () => void) => {
      calls++;
      convert();
      throw new TimeLimitError(100);
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
    expect(calls).toBe(1);
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
    // Together the first three take longer than the limit; each alone does not. The first call is
    // stopped in the third, which starts the next call; that one is stopped in the fourth, which
    // starts a third call and fails in it alone.
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
