// Site plugin for the Magento docs: {% collapsible Title %}body{% endcollapsible %} becomes a
// collapsible block whose body is converted from Markdown on its own (galley.markdownify).
// {% collapsibleh2 Title %} uses an h2 title and adds the class collapsible-h2.
import { Tag } from 'liquidjs';

function collapsibleTag(galley, endName, heading) {
  return class CollapsibleTag extends Tag {
    constructor(token, remainTokens, liquid, parser) {
      super(token, remainTokens, liquid);
      this.title = token.args;
      this.body = [];
      const stream = parser
        .parseStream(remainTokens)
        .on(`tag:${endName}`, () => stream.stop())
        .on('template', (tpl) => this.body.push(tpl))
        .on('end', () => {
          throw new Error(`tag ${token.getText()} not closed`);
        });
      stream.start();
    }

    *render(ctx, emitter) {
      const markdown = yield this.liquid.renderer.renderTemplates(this.body, ctx);
      const html = galley.markdownify(markdown);
      const outer = heading ? 'collapsible collapsible-h2' : 'collapsible';
      const title = heading
        ? `<h2 class="collapsible-title">${this.title}</h2>`
        : `<b class="collapsible-title">${this.title}</b>`;
      emitter.write(`<div class="${outer}">${title}<div class="collapsible-content">${html}</div></div>`);
    }
  };
}

export default function collapsible(galley) {
  galley.addTag('collapsible', collapsibleTag(galley, 'endcollapsible', false));
  galley.addTag('collapsibleh2', collapsibleTag(galley, 'endcollapsibleh2', true));
}
