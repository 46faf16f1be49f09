import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import { applyLayouts } from './apply-layouts.js';
import { liquidDiagnostic } from './liquid/liquid-diagnostic.js';
import { RENDER_STATE, type RenderState } from './liquid/render-state.js';
import { renderMarkdown } from './markdown/render-markdown.js';
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
 * Renders one page: Liquid over the body, Markdown when the page is Markdown, then its layout
 * chain. Problems become diagnostics at the page's own lines; a failed page yields no HTML and
 * does not stop the other pages.
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
    try {
      const result = renderMarkdown(ctx.markdown, body, source.path, source.bodyLine - 1);
      content = result.html;
      diagnostics.push(...result.diagnostics);
    } catch (error) {
      diagnostics.push(
        diagnostic(
          'markdown/failed',
          'error',
          source.path,
          `Markdown conversion failed: ${(error as Error).message}`,
          {
            line: source.bodyLine,
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
