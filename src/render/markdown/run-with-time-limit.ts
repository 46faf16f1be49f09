import vm from 'node:vm';

/** Thrown when `runWithTimeLimit` stopped a function that ran past its limit. */
export class TimeLimitError extends Error {
  constructor(readonly limitMs: number) {
    super(`took longer than ${limitMs} ms and was stopped`);
    this.name = 'TimeLimitError';
  }
}

// One context and one compiled call, reused: creating a context per page costs more than the call.
const context = vm.createContext({ run: (): unknown => undefined });
const call = new vm.Script('run()');

/**
 * Runs a synchronous function (a Markdown conversion) and stops it after `limitMs`. Node's vm
 * watchdog terminates whatever JavaScript runs, including functions of this realm, so a parser
 * stuck on pathological input cannot hang the build. Costs a fraction of a millisecond per call.
 */
export function runWithTimeLimit<T>(fn: () => T, limitMs: number): T {
  context.run = fn;
  try {
    return call.runInContext(context, { timeout: limitMs }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new TimeLimitError(limitMs);
    }
    throw error;
  } finally {
    context.run = () => undefined;
  }
}
