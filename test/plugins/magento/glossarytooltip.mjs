// Site plugin for the Magento docs: {% glossarytooltip UUID %}text{% endglossarytooltip %} wraps the
// text in a span the site's script turns into a popover. The text stays part of the page's Markdown.
import { Tag } from 'liquidjs';

class GlossaryTooltipTag extends Tag {
  constructor(token, remainTokens, liquid, parser) {
    super(token, remainTokens, liquid);
    this.uuid = token.args.trim();
    this.body = [];
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endglossarytooltip', () => stream.stop())
      .on('template', (tpl) => this.body.push(tpl))
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(ctx, emitter) {
    const text = yield this.liquid.renderer.renderTemplates(this.body, ctx);
    emitter.write(
      `<span term-uuid="${this.uuid}" class="glossary-term" data-toggle="popover">${text}</span>`,
    );
  }
}

export default function glossaryTooltip(galley) {
  galley.addTag('glossarytooltip', GlossaryTooltipTag);
}
