import type { Parser } from 'liquidjs';
import {
  type Context,
  type Emitter,
  Hash,
  type Liquid,
  Tag,
  type TagToken,
  type Template,
  type TopLevelToken,
  TypeGuards,
} from 'liquidjs';
import { closest } from '../../util/closest.js';
import { resolveIncludePath } from './include-path.js';
import { INCLUDE_FRAMES } from './liquid-diagnostic.js';
import { MAX_INCLUDE_DEPTH, RENDER_STATE, type RenderState } from './render-state.js';

/** An include failure that carries the include chain for the diagnostic. */
export class IncludeError extends Error {
  constructor(
    message: string,
    readonly ruleId: string,
    readonly chain: string[],
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'IncludeError';
  }
}

function stateOf(ctx: Context): RenderState {
  const state = (ctx.environments as Record<symbol, RenderState>)[RENDER_STATE];
  if (!state) throw new Error('Galley render state missing from the Liquid scope');
  return state;
}

/**
 * Jekyll's `{% include path k="v" %}` (and `include_relative`): the path may contain `{{ }}`,
 * parameters are visible as `include.k`, includes cannot leave their folder, cycles and runaway
 * nesting stop with the chain.
 */
export class IncludeTag extends Tag {
  /** include_relative resolves against the including file instead of `_includes`. */
  protected readonly relative: boolean = false;
  private readonly file: string | Template[];
  private readonly hash: Hash;
  private readonly line: number;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    this.tokenizer.skipBlank();
    const tokens = [...this.tokenizer.readFileNameTemplate(liquid.options)];
    const templates = parser.parseTokens(tokens);
    const only = templates.length === 1 ? templates[0].token : undefined;
    this.file = only && TypeGuards.isHTMLToken(only) ? only.getContent() : templates;
    this.hash = new Hash(this.tokenizer, true);
    this.line = token.getPosition()[0];
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const relative = this.relative;
    const state = stateOf(ctx);
    const name =
      typeof this.file === 'string'
        ? this.file
        : ((yield this.liquid.renderer.renderTemplates(this.file, ctx)) as string);
    const here = state.chain.length ? state.chain[state.chain.length - 1].file : state.file;
    const chainText = () => [state.file, ...state.chain.map((c) => c.file)];
    const base = relative ? dirOf(here) : '';
    const resolved = resolveIncludePath(name, base);
    if ('error' in resolved) throw new IncludeError(resolved.error, 'liquid/include-outside', chainText());
    const key = relative ? resolved.path : `_includes/${resolved.path}`;
    const text = relative ? state.source.sourceFile(resolved.path) : state.source.include(resolved.path);
    if (text === undefined) {
      const suggestion = relative ? undefined : closest(resolved.path, state.source.includeNames());
      throw new IncludeError(
        `${relative ? 'file' : 'include'} "${name}" not found${relative ? '' : ' in the includes folder'}`,
        'liquid/include-missing',
        chainText(),
        suggestion ? `did you mean "${suggestion}"?` : undefined,
      );
    }
    if (state.chain.some((c) => c.file === key) || key === state.file) {
      throw new IncludeError(
        `include cycle: ${[...chainText(), key].join(' -> ')}`,
        'liquid/include-cycle',
        chainText(),
      );
    }
    if (state.chain.length >= MAX_INCLUDE_DEPTH) {
      throw new IncludeError(
        `includes nested deeper than ${MAX_INCLUDE_DEPTH}`,
        'liquid/include-depth',
        chainText(),
      );
    }
    state.dependencies.add(key);
    const params = (yield this.hash.render(ctx)) as Record<string, unknown>;
    // Jekyll reads a quoted include parameter as written, undoing only an escaped quote of its own
    // kind; liquidjs would also turn `\-` into `-`, which would lose a Markdown escape.
    for (const [key, value] of Object.entries(this.hash.hash)) {
      if (value && TypeGuards.isQuotedToken(value)) {
        const text = value.getText();
        const quote = text[0] ?? '"';
        params[key] = text.slice(1, -1).replaceAll(`\\${quote}`, quote);
      }
    }
    ctx.push({ include: params });
    state.chain.push({ file: key, line: this.line });
    try {
      const templates = state.source.parse(key, text, key);
      yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
    } catch (error) {
      // The innermost include sees the whole chain; record it once for the diagnostic.
      if (error && typeof error === 'object' && !(INCLUDE_FRAMES in error)) {
        Object.defineProperty(error, INCLUDE_FRAMES, { value: state.chain.map((c) => ({ ...c })) });
      }
      throw error;
    } finally {
      state.chain.pop();
      ctx.pop();
    }
  }
}

function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

/** `{% include_relative path %}`: like include, but relative to the including file, inside the source. */
export class IncludeRelativeTag extends IncludeTag {
  protected override readonly relative: boolean = true;
}
