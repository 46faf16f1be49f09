import type { Element, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const parser = unified().use(rehypeParse, { fragment: true });
const preformatted = new Set(['pre', 'code', 'textarea', 'script', 'style']);
const voids = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);

/**
 * Serialises HTML in a normal form for comparisons, like `/work/shared/tools/parity.mjs`: sorted
 * attributes and class lists, white space collapsed outside preformatted elements, white space
 * between elements dropped. Comments are kept (they are visible in the source a user reads).
 */
export function normalizeHtml(html: string): string {
  const tree = parser.parse(html) as Root;
  return serialize(tree, false).trim();
}

function serialize(node: Nodes, inPre: boolean): string {
  switch (node.type) {
    case 'root':
      return node.children.map((child) => serialize(child, inPre)).join('');
    case 'text':
      if (inPre) return escapeHtml(node.value);
      return /^\s*$/.test(node.value) ? '' : escapeHtml(node.value.replace(/\s+/g, ' '));
    case 'comment':
      return `<!--${node.value}-->`;
    case 'element':
      return element(node, inPre);
    default:
      return '';
  }
}

function element(node: Element, inPre: boolean): string {
  const pre = inPre || preformatted.has(node.tagName);
  const attributes = Object.keys(node.properties)
    .sort()
    .map((key) => {
      let value = node.properties[key];
      if (Array.isArray(value)) value = key === 'className' ? [...value].sort().join(' ') : value.join(' ');
      return ` ${key}="${escapeHtml(String(value))}"`;
    })
    .join('');
  if (voids.has(node.tagName)) return `<${node.tagName}${attributes}>`;
  const inner = node.children.map((child) => serialize(child, pre)).join('');
  return `<${node.tagName}${attributes}>${inner}</${node.tagName}>`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The comparison of `npm run conformance` and the parity tool (`/work/shared/tools/parity.mjs`):
 * comments dropped, attributes and class lists sorted, white space collapsed outside preformatted
 * elements, and every element's content trimmed (inside `<pre>` too).
 */
export function normalizeHtmlLikeParity(html: string): string {
  return parityForm(parser.parse(html) as Root, false)
    .replace(/>\s+</g, '><')
    .trim();
}

function parityForm(node: Nodes, inPre: boolean): string {
  if (node.type === 'comment' || node.type === 'doctype') return '';
  if (node.type === 'text') {
    const text = inPre ? node.value : node.value.replace(/\s+/g, ' ');
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  }
  if (node.type === 'root') return node.children.map((child) => parityForm(child, inPre)).join('');
  if (node.type !== 'element') return '';
  const children = node.tagName === 'template' && node.content ? node.content.children : node.children;
  const attributes = Object.keys(node.properties)
    .sort()
    .map((key) => {
      const value = node.properties[key];
      const text = Array.isArray(value)
        ? (key === 'className' ? [...value].sort() : value).join(' ')
        : String(value);
      return ` ${key}="${text}"`;
    })
    .join('');
  const pre = inPre || preformatted.has(node.tagName);
  const inner = children
    .map((child) => parityForm(child as Nodes, pre))
    .join('')
    .trim();
  return `<${node.tagName}${attributes}>${inner}</${node.tagName}>`;
}
