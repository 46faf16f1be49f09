import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { collectPageFacts, type MappedLayout } from '../check/collect-page-facts.js';
import type { PageFacts } from '../check/page-facts.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import { applyLayouts } from './apply-layouts.js';
import { trackSiteReads } from './cache/track-site-reads.js';
import { liquidDiagnostic } from './liquid/liquid-diagnostic.js';
import { type MappedOutput, renderWithOutputMap } from './liquid/output-map.js';
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
  const failed = (): RenderedPage => ({ html: null, diagnostics, dependencies: [...state.dependencies] });

  let body: MappedOutput = { output: source.body, segments: [wholeText(source.path, source.body)] };
  if (source.data.render_with_liquid !== false) {
    try {
      const templates = ctx.liquid.parse(source.body, source.path);
      body = ctx.collectFacts
        ? await renderWithOutputMap(ctx.liquid, templates, scope, true)
        : { output: (await ctx.liquid.render(templates, scope)) as string, segments: [] };
    } catch (error) {
      diagnostics.push(liquidDiagnostic(error, source.path, source.bodyLine));
      return failed();
    }
  }

  let content = body.output;
  let tree: HastRoot | null = null;
  let messages: MarkdownMessage[] = [];
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
    try {
      const markdown = body.output;
      if (ctx.collectFacts) {
        const result = ctx.guardMarkdown(() => renderMarkdownTree(ctx.markdown, markdown, source.path));
        ({ tree, html: content, messages } = result);
      } else {
        const result = ctx.guardMarkdown(() =>
          renderMarkdown(ctx.markdown, markdown, source.path, source.bodyLine - 1),
        );
        content = result.html;
        diagnostics.push(...result.diagnostics);
      }
    } catch (error) {
      diagnostics.push(markdownFailure(source, error));
      return failed();
    }
  }

  const layouts: MappedLayout[] = [];
  const laidOut = await applyLayouts(content, page, ctx, state, ctx.collectFacts ? layouts : undefined);
  diagnostics.push(...laidOut.diagnostics);
  // As it is written (UTF-8): a lone surrogate (a Liquid filter splitting an emoji) becomes U+FFFD,
  // so the HTML is the same whether rendered now or read back from the site by the render cache.
  const html = laidOut.html === null ? null : laidOut.html.replace(LONE_SURROGATE, '\uFFFD');
  if (html === null || !ctx.collectFacts) {
    return { html, diagnostics, dependencies: [...state.dependencies] };
  }

  const texts = ctx.templateTexts(page);
  const facts = collectPageFacts({
    path: source.path,
    url: page.url,
    content: body,
    contentTree: tree ?? fromHtml(body.output, { fragment: true }),
    layouts,
    texts,
    unclosed: messages
      .filter((m) => m.ruleId === 'html/unclosed-block' && m.offset !== undefined)
      .map((m) => ({ element: /<(\w+)>/.exec(m.reason)?.[1] ?? 'div', offset: m.offset as number })),
    liquidProblems: state.problems ?? [],
    titled: typeof page.vars.title === 'string' ? page.vars.title.trim() !== '' : page.vars.title != null,
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
