import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import { applyLayouts } from './apply-layouts.js';
import { liquidDiagnostic } from './liquid/liquid-diagnostic.js';
import { RENDER_STATE, type RenderState } from './liquid/render-state.js';
import { markdownLimitProblem } from './markdown/markdown-limits.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import { runWithTimeLimit, TimeLimitError } from './markdown/run-with-time-limit.js';
import type { RenderContext } from './render-context.js';
import type { RenderablePage } from './site-snapshot.js';

/** The result of rendering one page. `html` is null when the page failed. */
export interface RenderedPage {
  html: string | null;
  diagnostics: Diagnostic[];
  /** Includes and layouts the page read, for incremental rebuilds. */
  dependencies: string[];
}

/**
 * Renders one page: Liquid over the body, Markdown when the page is Markdown (within the
 * configured time limit), then its layout chain. Problems become diagnostics at the page's own
 * lines; a failed page yields no HTML and does not stop the other pages.
 */
export async function renderPage(page: RenderablePage, ctx: RenderContext): Promise<RenderedPage> {
  const { source } = page;
  const diagnostics: Diagnostic[] = [];
  const state: RenderState = {
    file: source.path,
    chain: [],
    source: ctx.includeSource,
    dependencies: new Set(),
  };
  const scope = { page: page.vars, site: ctx.snapshot.site, [RENDER_STATE]: state };

  let body = source.body;
  if (source.data.render_with_liquid !== false) {
    try {
      const templates = ctx.liquid.parse(body, source.path);
      body = (await ctx.liquid.render(templates, scope)) as string;
    } catch (error) {
      diagnostics.push(liquidDiagnostic(error, source.path, source.bodyLine));
      return { html: null, diagnostics, dependencies: [...state.dependencies] };
    }
  }

  let content = body;
  if (source.markdown) {
    // kramdown reads CRLF and CR line ends as LF; without this, `\r` would reach the HTML.
    body = body.replace(/\r\n?/g, '\n');
    const refused = markdownLimitProblem(body);
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
      const markdown = body;
      const result = runWithTimeLimit(
        () => renderMarkdown(ctx.markdown, markdown, source.path, source.bodyLine - 1),
        ctx.snapshot.config.markdownTimeLimit,
      );
      content = result.html;
      diagnostics.push(...result.diagnostics);
    } catch (error) {
      // Deep nesting the limits did not foresee overflows the recursive tree builders.
      const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
      const tooSlow = error instanceof TimeLimitError;
      diagnostics.push(
        diagnostic(
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
        ),
      );
      return { html: null, diagnostics, dependencies: [...state.dependencies] };
    }
  }

  const laidOut = await applyLayouts(content, page, ctx, state);
  diagnostics.push(...laidOut.diagnostics);
  return { html: laidOut.html, diagnostics, dependencies: [...state.dependencies] };
}
