import type { Element, ElementContent, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const parser = unified().use(rehypeParse, { fragment: true });
const serializer = unified().use(rehypeStringify);

/** kramdown's typographic replacements, undone (the longest first, so `—` is not read as `–`). */
const typography: [RegExp, string][] = [
  [/[\u2018\u2019]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/\u2014/g, '---'],
  [/\u2013/g, '--'],
  [/\u2026/g, '...'],
  [/\u00ab\u00a0?/g, '<<'],
  [/\u00a0?\u00bb/g, '>>'],
];

/**
 * Removes what Galley adds on purpose to every page, as Jekyll with kramdown does, and CommonMark
 * has no notion of, so that a spec example is compared on structure and text only:
 * - automatic header ids (`<h2 id="foo">`), which kramdown's `auto_ids` adds;
 * - Rouge's code markup: `div.highlighter-rouge > div.highlight > pre.highlight > code` becomes
 *   `pre > code` (with `class="language-x"` when a language was given, as CommonMark writes it),
 *   highlighting spans become their text, and inline code loses `highlighter-rouge` and
 *   `language-plaintext`;
 * - kramdown's typography (curly quotes, dashes, ellipsis, guillemets), mapped back to ASCII.
 *   Applied to both sides, it cannot hide a difference of structure.
 * Galley has no options to switch these off (kramdown's `smart_quotes` and `auto_ids` are not
 * exposed), so the comparison undoes them here instead.
 */
export function withoutKramdownCosmetics(html: string): string {
  // White space after the last tag is dropped first: after an unclosed `<a>` (the spec's expected
  // HTML has many) it would make the HTML parser reopen the element, a difference no page shows.
  const tree = parser.parse(html.replace(/>\s+$/, '>')) as Root;
  tree.children = tree.children.flatMap((child) => clean(child)) as Root['children'];
  return serializer.stringify(tree);
}

function clean(node: Nodes): ElementContent[] {
  if (node.type === 'text') {
    let value = node.value;
    for (const [pattern, replacement] of typography) value = value.replace(pattern, replacement);
    return [{ ...node, value }];
  }
  if (node.type !== 'element') return node.type === 'comment' ? [node] : [];
  if (/^h[1-6]$/.test(node.tagName)) delete node.properties.id;
  const classes = classList(node);
  if (node.tagName === 'div' && classes.includes('highlighter-rouge')) return [rougeCodeBlock(node, classes)];
  if (node.tagName === 'code') {
    const kept = classes.filter((c) => c !== 'highlighter-rouge' && c !== 'language-plaintext');
    if (kept.length > 0) node.properties.className = kept;
    else delete node.properties.className;
  }
  node.children = node.children.flatMap((child) => clean(child));
  return [node];
}

/** Rouge's wrapper as CommonMark writes a code block: `<pre><code class="language-x">text</code></pre>`. */
function rougeCodeBlock(wrapper: Element, classes: string[]): Element {
  const language = classes.find((c) => c.startsWith('language-') && c !== 'language-plaintext');
  return {
    type: 'element',
    tagName: 'pre',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: language ? { className: [language] } : {},
        children: [{ type: 'text', value: textOf(wrapper) }],
      },
    ],
  };
}

function classList(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}
