import {
  Context,
  type Emitter,
  type Liquid,
  LiquidError,
  RenderError,
  type Template,
  TokenKind,
  toPromise,
  toValue,
  toValueSync,
} from 'liquidjs';
import type { IncludeFrame } from './liquid-diagnostic.js';
import { type LiquidProblem, RENDER_STATE, type RenderState } from './render-state.js';

/**
 * One piece of Liquid output and the source it came from. Plain text maps character for
 * character (`exact`); an output tag or a block maps to where its tag starts.
 */
export interface OutputSegment {
  /** Output range, [start, end). */
  start: number;
  end: number;
  /** File the template token came from (the page, an include key, a layout path). */
  file: string;
  /** Offset in that file's template text where this output's source starts. */
  sourceStart: number;
  exact: boolean;
  /** Nesting of renderTemplates calls; the deepest segment covering an offset is the most precise. */
  depth: number;
  /** Include tags entered when this was rendered, outermost first. */
  chain: readonly IncludeFrame[];
  /** For output tags (`{{ x | f }}`): the expression text, e.g. `page.baseurl`. */
  expression?: string;
}

/** A point in a template source, before lines and columns are known. */
export interface SourceOffset {
  file: string;
  offset: number;
  /** False when the output came from a tag: the offset is the tag's start, not the character's. */
  exact: boolean;
  chain: readonly IncludeFrame[];
}

/** Liquid output with the map from output offsets back to template source offsets. */
export interface MappedOutput {
  output: string;
  segments: OutputSegment[];
}

const NO_CHAIN: readonly IncludeFrame[] = Object.freeze([]);

/** Tags whose undefined collection means "no items", not a mistake. */
const LOOPS = new Set(['for', 'tablerow']);

/** An emitter that records which template wrote each range of the output. */
class RecordingEmitter implements Emitter {
  buffer = '';
  depth = 0;
  readonly segments: OutputSegment[] = [];

  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

function stringify(value: unknown): string {
  const v = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify).join('');
  return String(v);
}

const installed = new WeakSet<Liquid>();

/**
 * Makes `renderWithOutputMap` possible on this engine: wraps its renderer so that, when the
 * emitter is a recording one, every template's output range is recorded with its source token.
 * Block tags (if, for, include) render their children through the same call, so the map reaches
 * inside them. Other renders are untouched.
 */
export function enableOutputMaps(liquid: Liquid): void {
  if (installed.has(liquid)) return;
  installed.add(liquid);
  reportUnknownFilters(liquid);
  const renderer = liquid.renderer;
  const original = renderer.renderTemplates.bind(renderer);
  renderer.renderTemplates = function* renderTemplates(
    templates: Template[],
    ctx: Context,
    emitter?: Emitter,
  ): IterableIterator<unknown> {
    if (!(emitter instanceof RecordingEmitter)) return yield* original(templates, ctx, emitter);
    // The loop below is liquidjs' own (render/render.ts), plus the recording.
    ctx.renderLimit.check(performance.now());
    const errors: LiquidError[] = [];
    const state = (ctx.environments as Record<symbol, RenderState | undefined>)[RENDER_STATE];
    emitter.depth++;
    try {
      for (const tpl of templates) {
        ctx.renderLimit.check(performance.now());
        const start = emitter.buffer.length;
        try {
          const html = yield tpl.render(ctx, emitter);
          if (html) emitter.write(html);
        } catch (e) {
          let failure: unknown = e;
          const missing = ctx.strictVariables ? undefinedVariable(e) : undefined;
          if (missing !== undefined && state?.problems) {
            // Record it, drop what the template half-wrote, and render it again as Jekyll would.
            // A loop over nothing is a guard, like an if: `{% for t in page.tags %}`.
            if (!LOOPS.has((tpl.token as { name?: string }).name ?? '') && !isDefaultArgument(tpl, missing)) {
              state.problems.push(problem('unknown-variable', missing, tpl.token, state));
            }
            emitter.buffer = emitter.buffer.slice(0, start);
            while (emitter.segments.length && emitter.segments[emitter.segments.length - 1].start >= start) {
              emitter.segments.pop();
            }
            ctx.strictVariables = false;
            try {
              const html = yield tpl.render(ctx, emitter);
              if (html) emitter.write(html);
              failure = undefined;
            } catch (again) {
              // The lenient render can still fail (an include named by the missing variable).
              failure = again;
            } finally {
              ctx.strictVariables = true;
            }
          }
          if (failure !== undefined) {
            const err = LiquidError.is(failure) ? failure : new RenderError(failure as Error, tpl);
            if (ctx.opts.catchAllErrors) errors.push(err);
            else throw err;
          }
        }
        const end = emitter.buffer.length;
        // Empty output tags are kept too: `{{ site.baseurl }}` printing "" matters to the checks.
        if (end > start || tpl.token.kind === TokenKind.Output) {
          emitter.segments.push(segmentOf(tpl, start, end, emitter.depth, state));
        }
        if (ctx.breakCalled || ctx.continueCalled) break;
      }
    } finally {
      emitter.depth--;
    }
    if (errors.length) throw errors[0];
    return emitter.buffer;
  };
}

function segmentOf(
  tpl: Template,
  start: number,
  end: number,
  depth: number,
  state: RenderState | undefined,
): OutputSegment {
  const token = tpl.token as Template['token'] & { trimLeft?: number; content?: string };
  const chain = state?.chain.length ? state.chain.map((c) => ({ ...c })) : NO_CHAIN;
  const file = token.file ?? state?.file ?? '';
  if (token.kind === TokenKind.HTML) {
    const sourceStart = token.begin + (token.trimLeft ?? 0);
    return { start, end, file, sourceStart, exact: true, depth, chain };
  }
  const segment: OutputSegment = { start, end, file, sourceStart: token.begin, exact: false, depth, chain };
  if (token.kind === TokenKind.Output && typeof token.content === 'string') {
    segment.expression = token.content.trim();
  }
  return segment;
}

/** `{{ a | default: b }}` where `b` is (or reads) the missing one: a fallback chain, a guard like `if`. */
function isDefaultArgument(tpl: Template, name: string): boolean {
  const filters = (tpl as { value?: { filters?: { name: string; args: unknown[] }[] } }).value?.filters ?? [];
  return filters.some(
    (f) =>
      f.name === 'default' &&
      f.args.some((a) => !Array.isArray(a) && (a as { getText?: () => string }).getText?.().includes(name)),
  );
}

/** The variable path of an undefined-variable error (strict mode), however liquidjs wrapped it. */
function undefinedVariable(error: unknown): string | undefined {
  let e = error as { name?: string; message?: string; originalError?: unknown } | undefined;
  for (let i = 0; i < 5 && e; i++) {
    if (e.name === 'UndefinedVariableError' || e.name === 'InternalUndefinedVariableError') {
      return /undefined variable: ([^,]+)/.exec(e.message ?? '')?.[1] ?? '';
    }
    e = e.originalError as typeof e;
  }
  return undefined;
}

function problem(
  kind: LiquidProblem['kind'],
  name: string,
  token: { file?: string; begin: number },
  state: RenderState,
): LiquidProblem {
  return {
    kind,
    name,
    file: token.file ?? state.file,
    offset: token.begin,
    root: state.file,
    chain: state.chain.map((c) => ({ ...c })),
  };
}

/**
 * Jekyll prints a value unchanged through a filter it does not know; so do we, but the filter is
 * recorded where it is used (each render that reaches it), so the checker can name it.
 */
function reportUnknownFilters(liquid: Liquid): void {
  const known = liquid.filters;
  (liquid as { filters: typeof known }).filters = new Proxy(known, {
    get(target, name) {
      if (typeof name !== 'string' || Object.hasOwn(target, name)) return Reflect.get(target, name);
      return function unknownFilter(
        this: { context: Context; token: { file?: string; begin: number } },
        value: unknown,
      ) {
        const state = (this.context.environments as Record<symbol, RenderState | undefined>)[RENDER_STATE];
        state?.problems?.push(problem('unknown-filter', name, this.token, state));
        return value;
      };
    },
  });
}

const synchronous = new WeakSet<Liquid>();

/**
 * Marks an engine whose tags and filters never return a promise (no plugin added any): its
 * templates are rendered synchronously. liquidjs' asynchronous render makes a promise of every
 * step of every tag; the synchronous one does the same work without them.
 */
export function renderSynchronously(liquid: Liquid): void {
  synchronous.add(liquid);
}

function rendersSynchronously(liquid: Liquid): boolean {
  return synchronous.has(liquid);
}

/** `liquid.render`, synchronous when the engine allows it. */
export async function renderLiquid(liquid: Liquid, templates: Template[], scope: object): Promise<string> {
  return (
    rendersSynchronously(liquid) ? liquid.renderSync(templates, scope) : await liquid.render(templates, scope)
  ) as string;
}

/**
 * Renders parsed templates like `liquid.render`, and returns the output with its source map.
 * `enableOutputMaps` must have been called on the engine. With `strict`, undefined variables
 * (outside `if` conditions and `default` filters) are recorded on the render state's `problems`.
 */
export async function renderWithOutputMap(
  liquid: Liquid,
  templates: Template[],
  scope: object,
  strict = false,
): Promise<MappedOutput> {
  const sync = rendersSynchronously(liquid);
  const ctx = new Context(scope, liquid.options, { sync, strictVariables: strict });
  const emitter = new RecordingEmitter();
  const rendering = liquid.renderer.renderTemplates(templates, ctx, emitter);
  if (sync) toValueSync(rendering);
  else await toPromise(rendering);
  return { output: emitter.buffer, segments: emitter.segments };
}

/** The map cut into pieces that each have one deepest segment, for lookups by binary search. */
interface SegmentIndex {
  /** Piece i covers [starts[i], starts[i + 1]); the last start is the end of the last piece. */
  starts: number[];
  owners: Array<OutputSegment | undefined>;
}

const indexes = new WeakMap<MappedOutput, SegmentIndex>();

/**
 * Segments nest (a tag's children lie inside its range), so one sweep over them sorted by start
 * (outer first) gives, for every stretch of output, the innermost segment covering it. Built once
 * per map: lookups happen per element and per link, and a page can have thousands of segments.
 */
function segmentIndex(map: MappedOutput): SegmentIndex {
  let index = indexes.get(map);
  if (index) return index;
  const sorted = map.segments
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.depth - b.depth);
  const starts: number[] = [];
  const owners: Array<OutputSegment | undefined> = [];
  const open: OutputSegment[] = [];
  let at = 0;
  const cut = (to: number) => {
    if (to <= at) return;
    starts.push(at);
    owners.push(open[open.length - 1]);
    at = to;
  };
  const close = (until: number) => {
    while (open.length && open[open.length - 1].end <= until) {
      cut(open[open.length - 1].end);
      open.pop();
    }
  };
  for (const s of sorted) {
    close(s.start);
    cut(s.start);
    open.push(s);
  }
  close(Number.POSITIVE_INFINITY);
  starts.push(at);
  owners.push(undefined);
  index = { starts, owners };
  indexes.set(map, index);
  return index;
}

/** The deepest recorded segment covering output `offset`, if any. */
export function segmentAt(map: MappedOutput, offset: number): OutputSegment | undefined {
  const { starts, owners } = segmentIndex(map);
  let lo = 0;
  let hi = starts.length - 1;
  if (offset < starts[0] || offset >= starts[hi]) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return owners[lo];
}

/** Where the output character at `offset` came from: the deepest recorded segment covering it. */
export function sourceOffsetOf(map: MappedOutput, offset: number): SourceOffset | undefined {
  const best = segmentAt(map, offset);
  if (!best) return undefined;
  return best.exact
    ? { file: best.file, offset: best.sourceStart + (offset - best.start), exact: true, chain: best.chain }
    : { file: best.file, offset: best.sourceStart, exact: false, chain: best.chain };
}
