import type { Context, Emitter, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';
import { RENDER_STATE, type RenderState } from './render-state.js';

/**
 * Jekyll's `{% link path/to/page.md %}`: the URL of the page built from that source file (with
 * `site.baseurl`); a missing file is an error, which is the point of using the tag.
 */
export class LinkTag extends Tag {
  private readonly target: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.target = token.args.trim();
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = (ctx.environments as Record<symbol, RenderState>)[RENDER_STATE];
    let target = this.target;
    if (target.includes('{{')) {
      target = ctx.sync
        ? this.liquid.parseAndRenderSync(target, ctx.getAll())
        : ((yield this.liquid.parseAndRender(target, ctx.getAll())) as string);
    }
    const relPath = target.replace(/^\/+/, '');
    state.dependencies.add(`link:${relPath}`);
    const url = state.source.urlOf(relPath);
    if (url === undefined) throw new Error(`{% link %}: no page is built from "${relPath}"`);
    const site = (ctx.environments as { site?: { baseurl?: string } }).site;
    emitter.write(`${site?.baseurl ?? ''}${url}`);
  }
}
