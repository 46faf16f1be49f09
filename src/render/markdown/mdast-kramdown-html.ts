import type { Properties } from 'hast';
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import { find, html } from 'property-information';
import { decodeCharacterReferences } from './kramdown-attribute-list.js';
import { escapeKramdownRawHtmlText } from './kramdown-raw-html-text.js';
import type { KramdownHtmlInfo } from './micromark-kramdown-html.js';

/**
 * An HTML element whose inside kramdown parsed as Markdown (`markdown="1"`, `"block"`, `"span"`):
 * `<div class="x" markdown="1">` becomes this node with the Markdown blocks as children, and
 * remark-rehype turns it into the element (through `data.hName` and `data.hProperties`).
 */
export interface KramdownHtmlElement extends Parent {
  type: 'kramdownHtmlElement';
  /** Lower-cased element name. */
  tagName: string;
  children: RootContent[];
}

/** Intermediate node for one `kramdownHtmlFlow` token; replaced by the transform. */
interface KramdownHtmlBlock extends Parent {
  type: 'kramdownHtmlBlock';
  info: KramdownHtmlInfo;
  /** Raw HTML of the block (without the text after it). */
  value: string;
  buffering: boolean;
  children: Array<KramdownHtmlSpanBody | KramdownHtmlRest>;
}

/** Intermediate: the inline Markdown inside a span-model element. */
interface KramdownHtmlSpanBody extends Parent {
  type: 'kramdownHtmlSpanBody';
  children: PhrasingContent[];
}

/** Intermediate: blocks parsed from the text after an element on its last line. */
interface KramdownHtmlRest extends Parent {
  type: 'kramdownHtmlRest';
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownHtmlElement: KramdownHtmlElement;
    kramdownHtmlBlock: KramdownHtmlBlock;
    kramdownHtmlSpanBody: KramdownHtmlSpanBody;
    kramdownHtmlRest: KramdownHtmlRest;
  }
}

/**
 * mdast-util-from-markdown extension for `kramdownHtml` tokens: raw blocks become `html` nodes,
 * Markdown-parsed elements become `kramdownHtmlElement` nodes, and the blocks between a
 * `markdown="1"` start tag and its matching end tag (or the end of the parent) become its children.
 */
export function kramdownHtmlFromMarkdown(): FromMarkdownExtension {
  return {
    canContainEols: ['kramdownHtmlSpanBody'],
    enter: {
      kramdownHtmlFlow: enterFlow,
      kramdownHtmlFlowSpanBody: enterSpanBody,
      kramdownHtmlFlowRest: enterRest,
    },
    exit: {
      kramdownHtmlFlow: exitFlow,
      kramdownHtmlFlowData: exitData,
      kramdownHtmlFlowSpanBody: exitPart,
      kramdownHtmlFlowRest: exitPart,
    },
    transforms: [nestKramdownHtml],
  };
}

function enterFlow(this: CompileContext, token: Token): undefined {
  const info = token._kramdownHtml ?? { kind: 'raw', tagName: '', attributes: [] };
  const node: KramdownHtmlBlock = {
    type: 'kramdownHtmlBlock',
    info,
    value: '',
    buffering: true,
    children: [],
  };
  this.enter(node, token);
  this.buffer();
}

/** Stops collecting the raw HTML text of the block (at its end, or where Markdown starts). */
function stopBuffering(context: CompileContext): void {
  const node = context.stack[context.stack.length - 2];
  if (node?.type === 'kramdownHtmlBlock' && node.buffering) {
    node.buffering = false;
    node.value = context.resume();
  }
}

function exitData(this: CompileContext, token: Token): undefined {
  const fragment = this.stack[this.stack.length - 1];
  if (fragment?.type !== 'fragment') return;
  const value = this.sliceSerialize(token);
  const tail = fragment.children[fragment.children.length - 1];
  // Positions are kept because mdast-util-from-markdown's line ending handler extends them.
  const start = { line: token.start.line, column: token.start.column, offset: token.start.offset };
  const end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
  if (tail?.type === 'text') {
    tail.value += value;
    if (tail.position) tail.position.end = end;
  } else fragment.children.push({ type: 'text', value, position: { start, end } });
}

function enterSpanBody(this: CompileContext, token: Token): undefined {
  stopBuffering(this);
  this.enter({ type: 'kramdownHtmlSpanBody', children: [] }, token);
}

function enterRest(this: CompileContext, token: Token): undefined {
  stopBuffering(this);
  this.enter({ type: 'kramdownHtmlRest', children: [] }, token);
}

function exitPart(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

function exitFlow(this: CompileContext, token: Token): undefined {
  stopBuffering(this);
  this.exit(token);
}

/** The tree transform: replaces every intermediate block, then nests `markdown="1"` elements. */
function nestKramdownHtml(tree: Root): undefined {
  visit(tree);
}

function visit(parent: Parent): void {
  if (parent.children.some((child) => child.type === 'kramdownHtmlBlock')) {
    const flat: RootContent[] = [];
    for (const child of parent.children) flatten(child, flat);
    parent.children = nest(flat);
  }
  for (const child of parent.children) {
    if ('children' in child) visit(child);
  }
}

/** Appends `node` to `out`, replacing an intermediate block by its node and the blocks after it. */
function flatten(node: RootContent, out: RootContent[]): void {
  if (node.type !== 'kramdownHtmlBlock') {
    out.push(node);
    return;
  }
  const { info } = node;
  const rest = node.children.find((child) => child.type === 'kramdownHtmlRest');
  const position =
    node.position && rest?.position
      ? { start: node.position.start, end: rest.position.start }
      : node.position;
  if (info.kind === 'open' || info.kind === 'close') {
    // Kept as markers for `nest`.
    out.push({ ...node, children: [], position });
  } else if (info.kind === 'span') {
    const body = node.children.find((child) => child.type === 'kramdownHtmlSpanBody');
    out.push(element(info, body ? body.children : [], position));
  } else {
    const html: RootContent = { type: 'html', value: escapeKramdownRawHtmlText(rawValue(node)), position };
    // Kept for the checker (html/unclosed-block), like unclosed `markdown="1"` elements.
    if (info.unclosed) html.data = { kramdownUnclosed: info.tagName } as RootContent['data'];
    out.push(html);
  }
  if (rest) for (const child of rest.children) flatten(child, out);
}

/** Nests the nodes between an `open` marker and its matching `close` marker into the element. */
function nest(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  const stack: KramdownHtmlElement[] = [];
  for (const node of nodes) {
    const top = stack[stack.length - 1];
    const target = top ? top.children : out;
    if (node.type !== 'kramdownHtmlBlock') {
      target.push(node);
    } else if (node.info.kind === 'open') {
      const el = element(node.info, [], node.position);
      target.push(el);
      stack.push(el);
    } else if (top && top.tagName === node.info.tagName) {
      stack.pop();
      if (top.position && node.position) top.position.end = node.position.end;
    } else {
      // An end tag that closes nothing: kramdown shows it as text.
      const text = node.value.trim();
      target.push({ type: 'paragraph', children: [{ type: 'text', value: text }], position: node.position });
    }
  }
  // Elements never closed end with their last child (kramdown closes them at the end of the parent).
  for (let index = stack.length - 1; index >= 0; index--) {
    const el = stack[index];
    const last = el.children[el.children.length - 1];
    if (el.position && last?.position) el.position.end = last.position.end;
    // Kept for the checker (html/unclosed-block): the element swallowed everything after it.
    (el.data as { kramdownUnclosed?: boolean }).kramdownUnclosed = true;
  }
  return out;
}

function element(
  info: KramdownHtmlInfo,
  children: RootContent[],
  position: Nodes['position'],
): KramdownHtmlElement {
  const start = position?.start;
  return {
    type: 'kramdownHtmlElement',
    tagName: info.tagName,
    children,
    // kramdown writes attribute values as they were typed, so `&nbsp;` reaches the browser as a reference.
    data: { hName: info.tagName, hProperties: htmlAttributesToProperties(decodedValues(info.attributes)) },
    position: start && position ? { start: { ...start }, end: { ...position.end } } : undefined,
  };
}

function decodedValues(attributes: Array<[string, string]>): Array<[string, string]> {
  return attributes.map(([name, value]) => [name, decodeCharacterReferences(value)]);
}

/** The raw HTML with the `markdown` attribute removed, as kramdown does. */
function rawValue(node: KramdownHtmlBlock): string {
  const { value, info, position } = node;
  const attribute = info.markdownAttribute;
  const base = position?.start.offset;
  if (!attribute || base === undefined) return value;
  let start = attribute.start - base;
  const end = attribute.end - base;
  while (start > 0 && (value[start - 1] === ' ' || value[start - 1] === '\t')) start--;
  return value.slice(0, start) + value.slice(end);
}

/**
 * Converts HTML attributes (name, value) to hast properties (`class` -> `className` list,
 * `data-x` -> `dataX`), so the element looks as if parsed from HTML.
 */
export function htmlAttributesToProperties(attributes: Array<[string, string]>): Properties {
  const properties: Properties = {};
  for (const [name, value] of attributes) {
    const info = find(html, name);
    if (info.spaceSeparated) {
      properties[info.property] = value.split(/[ \t\n\r\f]+/).filter(Boolean);
    } else if (info.commaSeparated) {
      properties[info.property] = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    } else if (info.boolean) {
      properties[info.property] = true;
    } else if (info.number && value.trim() !== '' && !Number.isNaN(Number(value))) {
      properties[info.property] = Number(value);
    } else {
      properties[info.property] = value;
    }
  }
  return properties;
}
