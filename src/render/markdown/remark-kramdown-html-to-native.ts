import type { Element, ElementContent, RootContent as HastContent, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Html, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';

declare module 'mdast' {
  interface TextData {
    /** Text from an HTML element that html_to_native converted: no typography, as in kramdown. */
    kramdownHtmlText?: boolean;
  }
}

/**
 * kramdown's `html_to_native`: HTML elements that have a Markdown equivalent become that element
 * (so they get header ids, code highlighting and typography), as kramdown's HTML ElementConverter
 * does. Converted: `p`, `h1`-`h6`, `em`/`i`, `strong`/`b` (unless their text starts or ends with
 * white space), `code`, `pre` and `a href`; `i` and `b` come out as `em` and `strong`. A Markdown
 * paragraph right after a converted `<p>` (same line or next line) is added to it, because
 * kramdown appends paragraph text to a preceding paragraph element. Other elements stay HTML.
 */
export function remarkKramdownHtmlToNative() {
  return (tree: Root): undefined => {
    convertParent(tree);
  };
}

function convertParent(parent: Parent): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'html') {
      const converted = convertBlockHtml(child);
      if (converted) {
        out.push(converted.node);
        pendingJoin.set(converted.node, converted.trailing);
        continue;
      }
    }
    const previous = out[out.length - 1];
    if (child.type === 'paragraph' && previous?.type === 'paragraph' && pendingJoin.has(previous)) {
      if (adjacent(previous, child)) {
        const space = pendingJoin.get(previous) ?? '';
        if (space) previous.children.push({ type: 'text', value: space });
        previous.children.push(...child.children);
        pendingJoin.delete(previous);
        continue;
      }
    }
    out.push(child);
  }
  parent.children = out as Parent['children'];
  for (const child of parent.children) {
    if (!('children' in child)) continue;
    if (isPhrasingParent(child)) convertSpans(child);
    else convertParent(child);
  }
}

/** The white space after a converted `<p>`'s end tag on its line, for a paragraph that joins it. */
const pendingJoin = new WeakMap<RootContent, string>();

function isPhrasingParent(node: Nodes): boolean {
  return ['paragraph', 'heading', 'emphasis', 'strong', 'link', 'delete', 'tableCell'].includes(node.type);
}

/** Whether `next` starts on the line the converted element ended on or the one after it. */
function adjacent(previous: RootContent, next: RootContent): boolean {
  const end = previous.position?.end.line;
  const start = next.position?.start.line;
  return end !== undefined && start !== undefined && start <= end + 1;
}

/** One block HTML node holding a single convertible element (and white space), converted. */
function convertBlockHtml(node: Html): { node: RootContent; trailing: string } | undefined {
  const fragment = fromHtml(node.value, { fragment: true });
  const elements = fragment.children.filter((c) => !(c.type === 'text' && /^\s*$/.test(c.value)));
  const [only] = elements;
  if (elements.length !== 1 || only?.type !== 'element') return undefined;
  const converted = convertBlockElement(only);
  if (!converted) return undefined;
  converted.position = node.position;
  const trailing = /[ \t]*$/.exec(node.value)?.[0] ?? '';
  return { node: converted, trailing };
}

function convertBlockElement(el: Element): RootContent | undefined {
  const name = el.tagName;
  if (name === 'p') {
    const node: Paragraph = { type: 'paragraph', children: stripEnds(phrasing(el.children)) };
    return withProperties(node, el.properties);
  }
  const level = /^h([1-6])$/.exec(name);
  if (level) {
    const depth = Number(level[1]) as 1 | 2 | 3 | 4 | 5 | 6;
    return withProperties(
      { type: 'heading', depth, children: stripEnds(phrasing(el.children)) },
      el.properties,
    );
  }
  if (name === 'pre') return codeBlock(el);
  return undefined;
}

/** `<pre>` (with or without `<code>`) as a code block of its text; `language-x` on the code names it. */
function codeBlock(el: Element): RootContent {
  const inner = el.children.length === 1 && el.children[0]?.type === 'element' ? el.children[0] : undefined;
  const properties: Properties = { ...el.properties };
  let lang: string | null = null;
  if (inner?.tagName === 'code') {
    const classes = Array.isArray(inner.properties.className) ? inner.properties.className.map(String) : [];
    const language = classes.find((c) => c.startsWith('language-'));
    if (language) lang = language.slice('language-'.length);
  }
  const value = textOf(el).replace(/\n$/, '');
  return withProperties({ type: 'code', lang, value }, properties);
}

/** Phrasing HTML converted: text with runs of white space as one space, elements as Markdown. */
function phrasing(children: ElementContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    if (child.type === 'text')
      out.push({ type: 'text', value: child.value.replace(/\s+/g, ' '), data: { kramdownHtmlText: true } });
    else if (child.type === 'element') out.push(phrasingElement(child));
    else if (child.type === 'comment') out.push({ type: 'html', value: toHtml(child) });
  }
  return out;
}

const EMPHASIS: Record<string, 'emphasis' | 'strong'> = {
  em: 'emphasis',
  i: 'emphasis',
  strong: 'strong',
  b: 'strong',
};

function phrasingElement(el: Element): PhrasingContent {
  const emphasis = EMPHASIS[el.tagName];
  if (emphasis) {
    // kramdown leaves an emphasis element alone when its text starts or ends with white space.
    if (/^\s|\s$/.test(textOf(el))) return { type: 'html', value: toHtml(el) };
    return withProperties({ type: emphasis, children: phrasing(el.children) }, el.properties);
  }
  if (el.tagName === 'code') return inlineCode(textOf(el), el.properties);
  if (el.tagName === 'a' && el.properties.href !== undefined) {
    const { href, title, ...rest } = el.properties;
    const link = {
      type: 'link' as const,
      url: String(href),
      title: title === undefined ? null : String(title),
      children: phrasing(el.children),
    };
    return withProperties(link, rest);
  }
  if (el.tagName === 'br') return { type: 'break' };
  return { type: 'html', value: toHtml(el) };
}

/** A code span; kramdown drops `highlighter-*` classes so the highlighter can add its own. */
function inlineCode(value: string, properties: Properties): PhrasingContent {
  const classes = properties.className;
  const rest: Properties = { ...properties };
  if (Array.isArray(classes)) {
    const kept = classes.filter((c) => !String(c).startsWith('highlighter-'));
    if (kept.length > 0) rest.className = kept;
    else delete rest.className;
  }
  return withProperties({ type: 'inlineCode', value }, rest);
}

/** kramdown strips white space at both ends of a paragraph's or header's text. */
function stripEnds(children: PhrasingContent[]): PhrasingContent[] {
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return children.filter((c) => c.type !== 'text' || c.value !== '');
}

function withProperties<T extends Nodes>(node: T, properties: Properties): T {
  if (Object.keys(properties).length > 0) node.data = { ...node.data, hProperties: { ...properties } };
  return node;
}

function textOf(node: HastContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map((c) => textOf(c)).join('');
}

/**
 * Span HTML inside a paragraph arrives as separate start and end tag nodes around Markdown; a
 * start tag of a convertible element and its matching end tag among the same siblings become one
 * Markdown node holding what lies between them.
 */
function convertSpans(parent: Parent): void {
  const children = parent.children as PhrasingContent[];
  for (let i = 0; i < children.length; i++) {
    const start = children[i];
    if (start?.type !== 'html') continue;
    // A raw-content span element (`<code>…</code>`) arrives whole, as one node.
    if (/^<code(?=[\s>])[^>]*>[\s\S]*<\/code>$/i.test(start.value)) {
      const whole = fromHtml(start.value, { fragment: true }).children[0];
      if (whole?.type === 'element' && whole.tagName === 'code') {
        children.splice(i, 1, inlineCode(textOf(whole), whole.properties));
        continue;
      }
    }
    const tag = /^<([a-zA-Z][a-zA-Z0-9]*)(?=[\s>])[^>]*>$/.exec(start.value);
    const name = tag?.[1]?.toLowerCase();
    if (!name || !(name in EMPHASIS || name === 'code' || name === 'a')) continue;
    const end = matchingEnd(children, i, name);
    if (end === undefined) continue;
    const inside = children.slice(i + 1, end);
    const element = fromHtml(`${start.value}</${name}>`, { fragment: true }).children[0];
    if (element?.type !== 'element') continue;
    let replacement: PhrasingContent;
    const text = inside.map((c) => (c.type === 'html' ? '' : mdastText(c))).join('');
    if (name === 'code') replacement = inlineCode(text, element.properties);
    else if (name === 'a') {
      if (element.properties.href === undefined) continue;
      const { href, title, ...rest } = element.properties;
      replacement = withProperties(
        {
          type: 'link',
          url: String(href),
          title: title === undefined ? null : String(title),
          children: inside,
        },
        rest,
      );
    } else {
      const emphasis = EMPHASIS[name];
      if (!emphasis || /^\s|\s$/.test(text)) continue;
      replacement = withProperties({ type: emphasis, children: inside }, element.properties);
    }
    children.splice(i, end - i + 1, replacement);
  }
  for (const child of children) if ('children' in child) convertSpans(child);
}

/** The index of the end tag closing the start tag at `from`, counting nested tags of the name. */
function matchingEnd(children: PhrasingContent[], from: number, name: string): number | undefined {
  let depth = 0;
  const open = new RegExp(`^<${name}(?=[\\s>])[^>]*>$`, 'i');
  const close = new RegExp(`^</${name}\\s*>$`, 'i');
  for (let j = from + 1; j < children.length; j++) {
    const child = children[j];
    if (child?.type !== 'html') continue;
    if (open.test(child.value)) depth++;
    else if (close.test(child.value)) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return undefined;
}
