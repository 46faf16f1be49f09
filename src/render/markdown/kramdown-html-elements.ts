/**
 * kramdown's HTML element tables (kramdown 2.4, `Kramdown::Parser::Html::Constants`), lower-cased.
 * They decide which start tags open an HTML block and how the inside of an element is parsed.
 */

/** Elements kramdown treats as span-level: at the start of a line they stay inline in a paragraph. */
export const htmlSpanElements: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'big',
  'bdo',
  'br',
  'button',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'mark',
  'option',
  'q',
  'rb',
  'rbc',
  'rp',
  'rt',
  'rtc',
  'ruby',
  'samp',
  'select',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'tt',
  'u',
  'var',
]);

/** Elements that never have a body (`<hr>`, `<br>`): their start tag is the whole element. */
export const htmlVoidElements: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'command',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose inside is text up to the first matching end tag, with no nested elements. */
export const htmlRawTextElements: ReadonlySet<string> = new Set(['script', 'style']);

/** Elements kramdown treats as block-level: inside a paragraph their start tags are printed as text. */
export const htmlBlockElements: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'applet',
  'body',
  'blockquote',
  'caption',
  'col',
  'colgroup',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'head',
  'iframe',
  'legend',
  'menu',
  'li',
  'main',
  'map',
  'nav',
  'ol',
  'optgroup',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);

const blockContent = new Set([
  'address',
  'applet',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'fieldset',
  'figure',
  'figcaption',
  'footer',
  'form',
  'header',
  'hgroup',
  'iframe',
  'li',
  'main',
  'map',
  'menu',
  'nav',
  'noscript',
  'object',
  'section',
  'summary',
  'td',
]);

const spanContent = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdo',
  'big',
  'button',
  'cite',
  'caption',
  'del',
  'dfn',
  'dt',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'i',
  'ins',
  'label',
  'legend',
  'optgroup',
  'p',
  'q',
  'rb',
  'rbc',
  'rp',
  'rt',
  'rtc',
  'ruby',
  'select',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'th',
  'tt',
]);

/** How the inside of an element is parsed: as Markdown blocks, as inline Markdown, or kept as is. */
export type HtmlContentModel = 'block' | 'span' | 'raw';

/** kramdown's default content model of an element, used for `markdown="1"`. */
export function htmlContentModel(tagName: string): HtmlContentModel {
  if (blockContent.has(tagName)) return 'block';
  if (spanContent.has(tagName)) return 'span';
  return 'raw';
}

/**
 * The content model a `markdown` attribute value asks for (`0`, `1`, `block`, `span`), or `raw` when
 * the attribute is absent or unknown. With kramdown's `parse_block_html` (off in Jekyll), an absent
 * attribute counts as `1`.
 */
export function markdownAttributeModel(
  tagName: string,
  value: string | undefined,
  parseBlockHtml = false,
): HtmlContentModel {
  switch (value ?? (parseBlockHtml ? '1' : undefined)) {
    case '1':
      return htmlContentModel(tagName);
    case 'block':
      return 'block';
    case 'span':
      return 'span';
    default:
      return 'raw';
  }
}
