import type { Element, Nodes, Root } from 'hast';
import {
  type MappedOutput,
  type SourceOffset,
  segmentAt,
  sourceOffsetOf,
} from '../render/liquid/output-map.js';
import type { LiquidProblem } from '../render/liquid/render-state.js';
import { locate, type SourceLocation, type TemplateTexts } from '../render/source-location.js';
import { layoutTree } from './layout-tree.js';
import type {
  BaseurlJoinFact,
  CalloutFact,
  IdFact,
  LinkFact,
  PageFacts,
  UnclosedFact,
} from './page-facts.js';

/** A layout's output with its map; `file` is the layout's path (the root of its include chains). */
export interface MappedLayout {
  file: string;
  map: MappedOutput;
}

export interface PageFactsInput {
  path: string;
  url: string;
  /** The page body after Liquid, with its map back to the page and its includes. */
  content: MappedOutput;
  /** The converted content as a tree whose positions are offsets into `content.output`. */
  contentTree: Root;
  /** The layout chain's outputs, innermost first; the last one's output is the page as written. */
  layouts: MappedLayout[];
  texts: TemplateTexts;
  /** Elements the Markdown stage found never closed, at offsets into `content.output`. */
  unclosed: { element: string; offset: number }[];
  /** Unknown variables and filters recorded while rendering the page and its layouts. */
  liquidProblems: LiquidProblem[];
  /** The page has a non-empty `title`. */
  titled: boolean;
}

/** Elements whose attribute is a URL the browser loads or follows. */
const URL_ATTRIBUTES: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  img: 'src',
  script: 'src',
  iframe: 'src',
  source: 'src',
  video: 'src',
  audio: 'src',
  track: 'src',
  embed: 'src',
};

const MEDIA = new Set([
  'img',
  'svg',
  'video',
  'iframe',
  'table',
  'pre',
  'figure',
  'audio',
  'object',
  'embed',
]);

/**
 * Collects a page's facts: links, ids and callouts of the content with positions mapped through
 * Liquid to the page or include that wrote them, the same for what the layouts add, and every
 * baseurl join. Pure: works from the render's outputs and maps only.
 */
export function collectPageFacts(input: PageFactsInput): PageFacts {
  return addLayoutFacts(collectContentFacts(input), input);
}

/** What `collectContentFacts` needs: the converted content, before the layouts. */
export type ContentFactsInput = Pick<
  PageFactsInput,
  'path' | 'url' | 'content' | 'contentTree' | 'texts' | 'unclosed' | 'titled'
>;

/**
 * The content's part of `collectPageFacts`, taken as soon as the content is converted, so that its
 * tree need not be kept while the layouts render.
 */
export function collectContentFacts(input: ContentFactsInput): PageFacts {
  const facts = emptyFacts(input.path, input.url, input.titled);
  const contentLocate = (offset: number | undefined): SourceLocation => {
    const point = offset === undefined ? undefined : sourceOffsetOf(input.content, offset);
    return (point && locate(point, input.path, input.texts)) ?? { file: input.path };
  };
  collectElements(input.contentTree, input.content, contentLocate, () => true, facts);
  collectJoins(input.content, input.path, input.texts, facts.joins);
  for (const { element, offset } of input.unclosed) {
    facts.unclosed.push({ element, location: contentLocate(offset) } satisfies UnclosedFact);
  }
  return facts;
}

/** The rest of `collectPageFacts`: Liquid problems and what the layouts added, into `facts`. */
export function addLayoutFacts(
  facts: PageFacts,
  input: Pick<PageFactsInput, 'path' | 'layouts' | 'texts' | 'liquidProblems'>,
): PageFacts {
  for (const p of input.liquidProblems) {
    const point = { file: p.file, offset: p.offset, exact: true, chain: p.chain };
    facts.liquid.push({
      kind: p.kind,
      name: p.name,
      location: locate(point, p.root, input.texts) ?? { file: p.root },
    });
  }

  if (input.layouts.length) {
    // The content was collected above; parse only what the layouts added, mapping offsets in that
    // text back to the page as written.
    const cut = withoutContent(input.layouts);
    const tree = layoutTree(cut.html);
    const origin = (offset: number | undefined) =>
      layoutOrigin(input.layouts, offset === undefined ? undefined : cut.toFinal(offset));
    const layoutLocate = (offset: number | undefined): SourceLocation => {
      const o = origin(offset);
      if (!o || o === 'content') return { file: input.path };
      return locate(o.point, o.root, input.texts) ?? { file: o.root };
    };
    // Content nodes were collected above with better positions; take only what layouts added.
    const fromLayout = (offset: number | undefined) => origin(offset) !== 'content';
    collectElements(tree, null, layoutLocate, fromLayout, facts);
    for (const layout of input.layouts) collectJoins(layout.map, layout.file, input.texts, facts.joins);
  }
  stampPage(facts);
  return facts;
}

/** Notes on every location which page reached it, so repeats from includes and layouts can be merged. */
function stampPage(facts: PageFacts): void {
  const all = [facts.links, facts.ids, facts.callouts, facts.joins, facts.unclosed, facts.liquid];
  for (const list of all) {
    for (const fact of list as Array<{ location?: SourceLocation }>) {
      if (fact.location && fact.location.file !== facts.path) fact.location.page = facts.path;
    }
  }
}

/**
 * Facts of an HTML file checked as it is (`galley check --html`): positions are the file's own
 * lines and columns, and no baseurl joins are known.
 */
export function collectHtmlFacts(path: string, url: string, tree: Root): PageFacts {
  const facts = emptyFacts(path, url, true);
  const where = (offset: number | undefined, node?: Nodes): SourceLocation => {
    const start = node?.position?.start;
    return offset !== undefined && start
      ? { file: path, line: start.line, column: start.column }
      : { file: path };
  };
  const visit = (node: Nodes): void => {
    if (node.type === 'element') collectElement(node, null, (o) => where(o, node), facts);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return facts;
}

function emptyFacts(path: string, url: string, titled: boolean): PageFacts {
  return { path, url, links: [], ids: [], callouts: [], joins: [], unclosed: [], liquid: [], titled };
}

function collectElements(
  tree: Root,
  map: MappedOutput | null,
  where: (offset: number | undefined) => SourceLocation,
  include: (offset: number | undefined) => boolean,
  facts: PageFacts,
): void {
  // Only elements are visited: the other nodes (mostly text) hold no facts and no elements.
  const visitChildren = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (include(child.position?.start.offset)) collectElement(child, map, where, facts);
      if (child.tagName !== 'template') visitChildren(child);
    }
  };
  visitChildren(tree);
}

function collectElement(
  node: Element,
  map: MappedOutput | null,
  where: (offset: number | undefined) => SourceLocation,
  facts: PageFacts,
): void {
  const props = node.properties;
  const offset = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (typeof props.id === 'string' && props.id !== '') {
    facts.ids.push({ id: props.id, location: where(offset) } satisfies IdFact);
  }
  if (node.tagName === 'a' && typeof props.name === 'string' && props.name !== '') {
    facts.ids.push({ id: props.name, location: where(offset), isName: true });
  }
  const attribute = URL_ATTRIBUTES[node.tagName];
  const property = attribute === 'href' ? 'href' : 'src';
  const url = attribute ? props[property] : undefined;
  if (attribute && typeof url === 'string') {
    const literal =
      map !== null && offset !== undefined && end !== undefined && isLiteral(map, offset, end, url);
    facts.links.push({
      url,
      element: node.tagName,
      attribute,
      location: where(offset),
      literal,
    } satisfies LinkFact);
  }
  const classes = Array.isArray(props.className) ? props.className.map(String) : [];
  if (classes.includes('bs-callout')) {
    facts.callouts.push({
      types: classes.filter((c) => c.startsWith('bs-callout-')).map((c) => c.slice('bs-callout-'.length)),
      text: proseText(node).replace(/\s+/g, ' ').trim(),
      empty: !/\S/.test(allText(node)) && !hasMedia(node),
      location: where(offset),
    } satisfies CalloutFact);
  }
}

/** The URL appears verbatim in the element's source text, which no Liquid tag produced. */
function isLiteral(map: MappedOutput, start: number, end: number, url: string): boolean {
  const s = segmentAt(map, start);
  return Boolean(s?.exact && end <= s.end && map.output.slice(start, end).includes(url));
}

/** Elements whose text is shown as written: Markdown characters in them are meant. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

/** The visible text of an element outside code, where leftover Markdown means a conversion was missed. */
function proseText(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') text += VERBATIM.has(child.tagName) ? ' ' : proseText(child);
  }
  return text;
}

function allText(node: Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? allText(c) : ''))
    .join('');
}

function hasMedia(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (MEDIA.has(c.tagName) || hasMedia(c)));
}

/** `{{ page.baseurl }}` / `{{ site.baseurl }}` directly inside a URL (after `(`, a quote or `=`). */
function collectJoins(map: MappedOutput, root: string, texts: TemplateTexts, joins: BaseurlJoinFact[]): void {
  for (const s of map.segments) {
    if (s.expression !== 'page.baseurl' && s.expression !== 'site.baseurl') continue;
    const before = map.output[s.start - 1];
    if (before !== '(' && before !== '"' && before !== "'" && before !== '=') continue;
    const rest = /^[^\s)"'<>]{0,80}/.exec(map.output.slice(s.end, s.end + 80))?.[0] ?? '';
    const point: SourceOffset = { file: s.file, offset: s.sourceStart, exact: true, chain: s.chain };
    joins.push({
      expression: s.expression,
      value: map.output.slice(s.start, s.end),
      rest,
      location: locate(point, root, texts) ?? { file: root },
    });
  }
}

/**
 * The final page with the page content (wherever layouts printed `{{ content }}`) cut out, and a
 * function from offsets in that text back to offsets in the final page. Cutting rather than
 * blanking keeps the parse to what the layouts wrote (a few hundred bytes, not the whole page).
 */
function withoutContent(layouts: MappedLayout[]): { html: string; toFinal: (offset: number) => number } {
  let ranges: Array<[number, number]> = [];
  for (const [i, { map }] of layouts.entries()) {
    const slots = map.segments.filter((s) => s.expression === 'content' && s.end > s.start);
    // The innermost layout prints the content itself; each outer one prints the inner layout.
    ranges =
      i === 0
        ? slots.map((s) => [s.start, s.end])
        : slots.flatMap((s) =>
            ranges
              .map(([a, b]): [number, number] => [s.start + a, Math.min(s.start + b, s.end)])
              .filter(([a, b]) => a < b),
          );
  }
  const final = layouts[layouts.length - 1].map.output;
  let out = '';
  let at = 0;
  // Where each cut is in `out`, and how much was cut there and before.
  const cuts: Array<{ at: number; removed: number }> = [];
  let removed = 0;
  for (const [a, b] of ranges.sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    out += final.slice(at, a);
    removed += b - a;
    cuts.push({ at: out.length, removed });
    at = b;
  }
  const toFinal = (offset: number) => {
    let shift = 0;
    for (const cut of cuts) {
      if (cut.at > offset) break;
      shift = cut.removed;
    }
    return offset + shift;
  };
  return { html: out + final.slice(at), toFinal };
}

/**
 * Where a byte of the final page came from: the page content (through the `{{ content }}` of each
 * layout, innermost last), or a layout or one of its includes.
 */
function layoutOrigin(
  layouts: MappedLayout[],
  offset: number | undefined,
): 'content' | { point: SourceOffset; root: string } | undefined {
  if (offset === undefined) return undefined;
  let o = offset;
  for (let i = layouts.length - 1; i >= 0; i--) {
    const { map, file } = layouts[i];
    const best = segmentAt(map, o);
    if (!best) return undefined;
    if (best.expression !== 'content') {
      const point = sourceOffsetOf(map, o);
      return point ? { point, root: file } : undefined;
    }
    o -= best.start;
  }
  return 'content';
}
