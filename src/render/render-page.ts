import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { addLayoutFacts, collectContentFacts, type MappedLayout } from '../check/collect-page-facts.js';
import type { PageFacts } from '../check/page-facts.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import { applyLayouts } from './apply-layouts.js';
import { trackSiteReads } from './cache/track-site-reads.js';
import { liquidDiagnostic } from './liquid/liquid-diagnostic.js';
import { type MappedOutput, renderLiquid, renderWithOutputMap } from './liquid/output-map.js';
import { RENDER_STATE, type RenderState } from './liquid/render-state.js';
import { markdownLimitProblem } from './markdown/markdown-limits.js';
import { type MarkdownMessage, renderMarkdown, renderMarkdownTree } from './markdown/render-markdown.js';
import { TimeLimitError } from './markdown/run-with-time-limit.js';
import type { RenderContext } from './render-context.js';
import type { RenderablePage } from './site-snapshot.js';

/** The result of rendering one page. `html` is null when the page failed. */
export interface RenderedPage {
  html: string | null;
  diagnostics: Diagnostic[];
  /** Includes, layouts, files, `site` keys and data the page read, for the render cache. */
  dependencies: string[];
  /** What the checks need, when the render context asked for it and the page rendered. */
  facts?: PageFacts;
}

/**
 * Renders one page: Liquid over the body, Markdown when the page is Markdown (within the
 * configured time limit), then its layout chain. Problems become diagnostics at the page's own
 * lines; a failed page yields no HTML and does not stop the other pages. With `ctx.collectFacts`,
 * Liquid output is mapped back to its source as it is rendered, and the page's links, ids and
 * callouts are collected for the checks.
 */
export async function renderPage(page: RenderablePage, ctx: RenderContext): Promise<RenderedPage> {
  return (await renderPageBatch([page], ctx))[0];
}

/**
 * Renders pages as `renderPage` does, each page's Markdown conversion limited alike, but with the
 * conversions of all the pages run under as few guards as it can (`runWithTimeLimit`, whose
 * watchdog thread costs ~0.65 ms a call on a busy machine: a tenth of this thread's render time;
 * see `convertEachWithinLimit`), so a page fails only when its own conversion takes longer than
 * the limit.
 */
export async function renderPageBatch(
  pages: readonly RenderablePage[],
  ctx: RenderContext,
): Promise<RenderedPage[]> {
  const started: (PageInProgress | RenderedPage)[] = [];
  for (const page of pages) started.push(await startPage(page, ctx));
  const toConvert = started.filter((p): p is PageInProgress => !('html' in p) && p.markdown !== null);
  const outcomes = convertEachWithinLimit(
    toConvert.map((p) => () => convertMarkdown(p, ctx)),
    ctx.guardMarkdown,
  );
  const outcomeOf = new Map(toConvert.map((p, i) => [p, outcomes[i]]));
  const out: RenderedPage[] = [];
  for (const p of started) {
    if ('html' in p) {
      out.push(p);
      continue;
    }
    const outcome = outcomeOf.get(p);
    out.push(await finishPage(p, outcome && 'value' in outcome ? outcome.value : null, outcome?.error, ctx));
  }
  return out;
}

/** What a conversion gave, or what it threw. */
type Outcome<T> = { value: T; error?: undefined } | { error: unknown };

/**
 * Runs the conversions in order under `guard`, in as few guarded calls as it can: all in one call;
 * when the guard stops a call (`TimeLimitError`) in a conversion that was not the call's first,
 * the next call starts with that conversion, so it gets the whole limit. One that was first fails
 * with the error. Other errors are the outcome of their own conversion.
 */
export function convertEachWithinLimit<T>(
  conversions: readonly (() => T)[],
  guard: (convert: () => void) => void,
): Outcome<T>[] {
  const outcomes: Outcome<T>[] = [];
  while (outcomes.length < conversions.length) {
    const first = outcomes.length;
    try {
      guard(() => {
        while (outcomes.length < conversions.length) {
          const convert = conversions[outcomes.length];
          try {
            outcomes.push({ value: convert() });
          } catch (error) {
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      if (!(error instanceof TimeLimitError)) throw error;
      // Stopped in the call's first conversion: it had the whole limit to itself. (The watchdog
      // may also report a call that had just finished a conversion: that result stands.)
      if (outcomes.length === first) outcomes.push({ error });
    }
  }
  return outcomes;
}

/** A page after Liquid, before Markdown. */
interface PageInProgress {
  page: RenderablePage;
  state: RenderState;
  diagnostics: Diagnostic[];
  body: MappedOutput;
  /** The Liquid output to convert, or null when the page is not Markdown. */
  markdown: string | null;
}

/**
 * A Markdown conversion's result: the HTML, and with facts the content's facts and the messages.
 * The facts are taken from the tree at once, so the tree is not kept while other pages of a batch
 * convert: kept, the trees of a batch outlived young-generation collections, and this thread's
 * garbage collection took twice as long. Taken inside the Markdown guard, their time counts toward
 * `markdown_time_limit` (a small share: they are one walk of the tree).
 */
interface ConvertedMarkdown {
  html: string;
  contentFacts: PageFacts | null;
  messages: MarkdownMessage[];
  diagnostics: Diagnostic[];
}

/** Liquid over the body, and the Markdown limits: the page in progress, or the page failed. */
async function startPage(page: RenderablePage, ctx: RenderContext): Promise<PageInProgress | RenderedPage> {
  const { source } = page;
  const diagnostics: Diagnostic[] = [];
  const state: RenderState = {
    file: source.path,
    markdown: source.markdown,
    chain: [],
    source: ctx.includeSource,
    dependencies: new Set(),
    ...(ctx.collectFacts ? { problems: [] } : {}),
  };
  state.site = trackSiteReads(ctx.snapshot.site, state.dependencies);
  const scope = { page: page.vars, site: state.site, [RENDER_STATE]: state };

  let body: MappedOutput = { output: source.body, segments: [wholeText(source.path, source.body)] };
  if (source.data.render_with_liquid !== false) {
    try {
      const templates = ctx.liquid.parse(source.body, source.path);
      body = ctx.collectFacts
        ? await renderWithOutputMap(ctx.liquid, templates, scope, true)
        : { output: await renderLiquid(ctx.liquid, templates, scope), segments: [] };
    } catch (error) {
      diagnostics.push(liquidDiagnostic(error, source.path, source.bodyLine));
      return { html: null, diagnostics, dependencies: [...state.dependencies] };
    }
  }
  if (source.markdown) {
    // Line ends are LF already: the reader turns CRLF and CR into LF, as kramdown reads them.
    const refused = markdownLimitProblem(body.output);
    if (refused) {
      diagnostics.push(
        diagnostic(refused.ruleId, 'error', source.path, refused.message, {
          line: refused.line + source.bodyLine - 1,
          column: refused.column,
          hint: 'split the page, or reduce the nesting or the run of characters',
        }),
      );
      return { html: null, diagnostics, dependencies: [...state.dependencies] };
    }
  }
  return { page, state, diagnostics, body, markdown: source.markdown ? body.output : null };
}

/** The Markdown conversion alone: synchronous, so that a guard can stop it. */
function convertMarkdown(p: PageInProgress, ctx: RenderContext): ConvertedMarkdown {
  const { source } = p.page;
  const markdown = p.markdown as string;
  if (ctx.collectFacts) {
    const { tree, html, messages } = renderMarkdownTree(ctx.markdown, markdown, source.path);
    return { html, contentFacts: contentFactsOf(p, tree, messages, ctx), messages, diagnostics: [] };
  }
  const { html, diagnostics } = renderMarkdown(ctx.markdown, markdown, source.path, source.bodyLine - 1);
  return { html, contentFacts: null, messages: [], diagnostics };
}

/** The content's facts from its converted tree (or, for a page that is not Markdown, its HTML). */
function contentFactsOf(
  p: PageInProgress,
  tree: HastRoot,
  messages: MarkdownMessage[],
  ctx: RenderContext,
): PageFacts {
  const { page, body } = p;
  return collectContentFacts({
    path: page.source.path,
    url: page.url,
    content: body,
    contentTree: tree,
    texts: ctx.templateTexts(page),
    unclosed: messages
      .filter((m) => m.ruleId === 'html/unclosed-block' && m.offset !== undefined)
      .map((m) => ({ element: /<(\w+)>/.exec(m.reason)?.[1] ?? 'div', offset: m.offset as number })),
    titled: typeof page.vars.title === 'string' ? page.vars.title.trim() !== '' : page.vars.title != null,
  });
}

/** Layouts and facts after the conversion (`converted` null: not Markdown, or it failed). */
async function finishPage(
  p: PageInProgress,
  converted: ConvertedMarkdown | null,
  failure: unknown,
  ctx: RenderContext,
): Promise<RenderedPage> {
  const { page, state, diagnostics, body } = p;
  const { source } = page;
  if (p.markdown !== null && converted === null) {
    diagnostics.push(markdownFailure(source, failure));
    return { html: null, diagnostics, dependencies: [...state.dependencies] };
  }
  const content = converted ? converted.html : body.output;
  const messages = converted?.messages ?? [];
  if (converted) diagnostics.push(...converted.diagnostics);

  const layouts: MappedLayout[] = [];
  const laidOut = await applyLayouts(content, page, ctx, state, ctx.collectFacts ? layouts : undefined);
  diagnostics.push(...laidOut.diagnostics);
  // As it is written (UTF-8): a lone surrogate (a Liquid filter splitting an emoji) becomes U+FFFD,
  // so the HTML is the same whether rendered now or read back from the site by the render cache.
  const html = laidOut.html === null ? null : laidOut.html.replace(LONE_SURROGATE, '\uFFFD');
  if (html === null || !ctx.collectFacts) {
    return { html, diagnostics, dependencies: [...state.dependencies] };
  }

  const contentFacts =
    converted?.contentFacts ?? contentFactsOf(p, fromHtml(body.output, { fragment: true }), messages, ctx);
  const facts = addLayoutFacts(contentFacts, {
    path: source.path,
    layouts,
    texts: ctx.templateTexts(page),
    liquidProblems: state.problems ?? [],
  });
  for (const m of messages) {
    if (m.ruleId === 'html/unclosed-block') continue;
    diagnostics.push(diagnostic(m.ruleId, m.fatal ? 'error' : 'warning', source.path, m.reason));
  }
  return { html, diagnostics, dependencies: [...state.dependencies], facts };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The diagnostic for a Markdown conversion that threw: stopped by the time limit, a stack overflow
 * on nesting the limits did not foresee (the tree builders recurse), or anything else.
 */
export function markdownFailure(source: RenderablePage['source'], error: unknown): Diagnostic {
  const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
  const tooSlow = error instanceof TimeLimitError;
  return diagnostic(
    tooSlow ? 'markdown/time-limit' : tooDeep ? 'markdown/too-deep' : 'markdown/failed',
    'error',
    source.path,
    tooSlow
      ? `Markdown conversion ${error.message}`
      : tooDeep
        ? 'Markdown nested too deeply to convert (the stack overflowed)'
        : `Markdown conversion failed: ${(error as Error).message}`,
    {
      line: source.bodyLine,
      column: 1,
      hint: tooSlow ? 'raise markdown_time_limit in _config.yml if the page is that large' : undefined,
      cause: error,
    },
  );
}

/** The map of a body Liquid did not touch: all of it is the page's own text. */
function wholeText(file: string, text: string) {
  return { start: 0, end: text.length, file, sourceStart: 0, exact: true, depth: 1, chain: [] };
}
