import type { MappedLayout } from '../check/collect-page-facts.js';
import { deepMerge } from '../config/front-matter-defaults.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { liquidDiagnostic } from './liquid/liquid-diagnostic.js';
import { renderLiquid, renderWithOutputMap } from './liquid/output-map.js';
import { RENDER_STATE, type RenderState } from './liquid/render-state.js';
import type { RenderContext } from './render-context.js';
import type { RenderablePage } from './site-snapshot.js';

const NO_LAYOUT = new Set(['', 'none', 'null', 'false']);

/**
 * Wraps converted page content in its layout chain (`layout:` in the page, then in each layout's
 * own front matter). A missing layout is a warning and the content is written without it, as
 * Jekyll does; a cycle is an error naming the chain. When `maps` is given, each layout's output is
 * pushed to it with its source map, innermost first.
 */
export async function applyLayouts(
  content: string,
  page: RenderablePage,
  ctx: RenderContext,
  state: RenderState,
  maps?: MappedLayout[],
): Promise<{ html: string | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  let html = content;
  let name = layoutName(page.source.data.layout);
  const seen: string[] = [];
  const pageVars = { ...page.vars, content };
  // As in Jekyll, `layout` accumulates up the chain: an inner layout's keys win over its parent's.
  let layoutVars: Record<string, unknown> = {};
  while (name !== null) {
    // Recorded before the lookup: adding the missing layout later must rebuild the page.
    state.dependencies.add(`layout:${name}`);
    const layout = ctx.snapshot.layouts.get(name);
    if (!layout) {
      const requester = seen.length
        ? (ctx.snapshot.layouts.get(seen[seen.length - 1])?.path ?? page.source.path)
        : page.source.path;
      diagnostics.push(
        diagnostic('frontmatter/unknown-layout', 'warning', requester, `layout "${name}" does not exist`, {
          line: seen.length ? 2 : page.source.keyLines.layout,
          hint: `add ${ctx.snapshot.config.layoutsDir}/${name}.html or change \`layout:\``,
        }),
      );
      break;
    }
    if (seen.includes(name)) {
      // Reported at the `layout:` line that closes the cycle.
      const closer = ctx.snapshot.layouts.get(seen[seen.length - 1]) ?? layout;
      diagnostics.push(
        diagnostic('layout/cycle', 'error', closer.path, `layout cycle: ${[...seen, name].join(' -> ')}`, {
          line: closer.layoutLine ?? 1,
          column: 1,
          chain: [page.source.path, ...seen.map((n) => ctx.snapshot.layouts.get(n)?.path ?? n)],
        }),
      );
      return { html: null, diagnostics };
    }
    seen.push(name);
    let templates = ctx.layoutTemplates.get(name);
    try {
      if (!templates) {
        templates = ctx.liquid.parse(layout.body, layout.path);
        ctx.layoutTemplates.set(name, templates);
      }
      layoutVars = deepMerge(layout.data, layoutVars);
      const layoutState: RenderState = { ...state, file: layout.path, chain: [] };
      const scope = {
        page: pageVars,
        site: state.site ?? ctx.snapshot.site,
        layout: layoutVars,
        content: html,
        [RENDER_STATE]: layoutState,
      };
      if (maps) {
        const map = await renderWithOutputMap(ctx.liquid, templates, scope, true);
        maps.push({ file: layout.path, map });
        html = map.output;
      } else {
        html = await renderLiquid(ctx.liquid, templates, scope);
      }
    } catch (error) {
      diagnostics.push(liquidDiagnostic(error, layout.path, layout.bodyLine));
      return { html: null, diagnostics };
    }
    name = layoutName(layout.data.layout);
  }
  return { html, diagnostics };
}

function layoutName(value: unknown): string | null {
  if (value === undefined || value === null || value === false) return null;
  const name = String(value).trim();
  return NO_LAYOUT.has(name) ? null : name.replace(/\.html$/, '');
}
