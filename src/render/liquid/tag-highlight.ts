import type { ElementContent } from 'hast';
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';
import { highlightCode } from '../highlight/highlight-code.js';
import { RENDER_STATE, type RenderState } from './render-state.js';

/** Escapes code as Rouge does: `&`, `<` and `>` only. */
function escapeCode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Serialises highlighted code as Rouge's HTML formatter does: text, or one span per token. */
function codeHtml(children: ElementContent[]): string {
  let html = '';
  for (const child of children) {
    if (child.type === 'text') html += escapeCode(child.value);
    else if (child.type === 'element') {
      const className = child.properties.className;
      const inner = codeHtml(child.children);
      html += `<span class="${Array.isArray(className) ? className.join(' ') : String(className)}">${inner}</span>`;
    }
  }
  return html;
}

/**
 * `{% highlight lang [linenos] %}...{% endhighlight %}` with the markup Jekyll emits
 * (`<figure class="highlight"><pre><code class="language-x" data-lang="x">`), so existing CSS works.
 * The body is Liquid, as in Jekyll; leading and trailing newlines are dropped. In a Markdown page
 * the block is written between newlines (Jekyll's Markdown highlighter prefix and suffix), so an
 * indented tag leaves a blank line and the figure starts at column 0: kramdown then ends a list
 * before it.
 */
export class HighlightTag extends Tag {
  private readonly lang: string;
  private readonly linenos: boolean;
  private readonly body: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    const args = token.args.trim().split(/\s+/);
    this.lang = (args[0] ?? '').replace(/[^\w+#.-]/g, '').toLowerCase();
    this.linenos = args.slice(1).some((a) => a === 'linenos' || a.startsWith('linenos='));
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endhighlight', () => stream.stop())
      .on('template', (tpl: Template) => this.body.push(tpl))
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const raw = (yield this.liquid.renderer.renderTemplates(this.body, ctx)) as string;
    const source = raw.replace(/^[\r\n]+|[\r\n]+$/g, '');
    const lang = this.lang || 'plaintext';
    // A language Rouge does not know is highlighted as plain text, keeping its name in the class.
    const highlighted = highlightCode(source, lang) ?? highlightCode(source, 'plaintext');
    const code = codeHtml(highlighted?.children ?? [{ type: 'text', value: source }]);
    const attrs = `class="language-${lang}" data-lang="${lang}"`;
    const state = (ctx.environments as Record<symbol, RenderState | undefined>)[RENDER_STATE];
    const edge = state?.markdown ? '\n' : '';
    if (!this.linenos) {
      emitter.write(
        `${edge}<figure class="highlight"><pre><code ${attrs}>${code}</code></pre></figure>${edge}`,
      );
      return;
    }
    const lines = code.split('\n');
    const gutter = lines.map((_, i) => i + 1).join('\n');
    emitter.write(
      `${edge}<figure class="highlight"><pre><code ${attrs}><table class="rouge-table"><tbody><tr>` +
        `<td class="gutter gl"><pre class="lineno">${gutter}</pre></td>` +
        `<td class="code"><pre>${lines.join('\n')}</pre></td></tr></tbody></table></code></pre></figure>${edge}`,
    );
  }
}
