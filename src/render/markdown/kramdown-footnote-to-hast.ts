import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { FootnoteReference, List, Root } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from '../../config/kramdown-options.js';
import { pageInlineOptions } from './kramdown-inline-options.js';

interface Footnote {
  name: string;
  identifier: string;
  number: number;
  repeats: number;
}

interface FootnoteState {
  list: Footnote[];
  byName: Map<string, Footnote>;
  /** The first number: the site's `footnote_nr`, or the page's own `{::options}`. */
  start: number;
}

const NBSP = '\u00a0';
const states = new WeakMap<State, FootnoteState>();

/**
 * Footnotes as kramdown's HTML converter writes them (both input modes: Jekyll's GFM parser
 * hands them to the same converter): `<sup id="fnref:name"><a href="#fn:name" class="footnote"
 * ...>1</a></sup>` at the marker, numbered in the order markers are converted, and at the end (or
 * in place of a list marked `{:footnotes}`) `<div class="footnotes" role="doc-endnotes"><ol>`
 * with one `<li id="fn:name">` per footnote and backlinks in its last paragraph. A repeated marker
 * gets `fnref:name:1`, `:2`... and its own backlink.
 */
export function kramdownFootnoteHandlers(options: KramdownOptions = {}) {
  const prefix = options.footnotePrefix ?? JEKYLL_KRAMDOWN_DEFAULTS.footnotePrefix;
  const linkText = options.footnoteLinkText ?? JEKYLL_KRAMDOWN_DEFAULTS.footnoteLinkText;
  const backlink = options.footnoteBacklink ?? JEKYLL_KRAMDOWN_DEFAULTS.footnoteBacklink;
  const start = options.footnoteNr ?? JEKYLL_KRAMDOWN_DEFAULTS.footnoteNr;

  const stateOf = (state: State): FootnoteState => {
    let value = states.get(state);
    if (!value) {
      value = { list: [], byName: new Map(), start };
      states.set(state, value);
    }
    return value;
  };

  function footnoteReference(state: State, node: FootnoteReference): Element {
    const notes = stateOf(state);
    const name = prefix + (node.label ?? node.identifier);
    let note = notes.byName.get(name);
    let repeat = '';
    if (note) {
      note.repeats += 1;
      repeat = `:${note.repeats}`;
    } else {
      note = { name, identifier: node.identifier, number: notes.start + notes.list.length, repeats: 0 };
      notes.list.push(note);
      notes.byName.set(name, note);
    }
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href: `#fn:${name}`, className: ['footnote'], rel: ['footnote'], role: 'doc-noteref' },
      children: [{ type: 'text', value: linkText.replace('%s', String(note.number)) }],
    };
    const result: Element = {
      type: 'element',
      tagName: 'sup',
      properties: { id: `fnref:${name}${repeat}` },
      children: [link],
    };
    state.patch(node, result);
    return state.applyData(node, result);
  }

  /** The footnotes block; converting a footnote may number more footnotes, which are appended. */
  function footer(state: State): Element | undefined {
    const notes = stateOf(state);
    const items: ElementContent[] = [];
    for (let i = 0; i < notes.list.length; i++) {
      const note = notes.list[i] as Footnote;
      const definition = state.footnoteById.get(note.identifier.toUpperCase());
      if (!definition) continue;
      const children = state.wrap(state.all(definition), true);
      addBacklinks(
        children,
        note,
        options.footnoteBacklinkInline ?? JEKYLL_KRAMDOWN_DEFAULTS.footnoteBacklinkInline,
        backlink,
      );
      items.push({ type: 'text', value: '\n' });
      items.push({ type: 'element', tagName: 'li', properties: { id: `fn:${note.name}` }, children });
    }
    if (items.length === 0) return undefined;
    items.push({ type: 'text', value: '\n' });
    const ol: Element = {
      type: 'element',
      tagName: 'ol',
      properties: notes.start !== 1 ? { start: notes.start } : {},
      children: items,
    };
    return {
      type: 'element',
      tagName: 'div',
      properties: { className: ['footnotes'], role: 'doc-endnotes' },
      children: [{ type: 'text', value: '\n' }, ol, { type: 'text', value: '\n' }],
    };
  }

  function root(state: State, node: Root): HastRoot {
    stateOf(state).start = pageInlineOptions(node).footnoteNr ?? start;
    const children = state.wrap(state.all(node), false) as RootContent[];
    const notes = footer(state);
    // The marked list only holds the place: it is replaced by the footnotes, or dropped.
    const marker = children.findIndex(
      (child) => child.type === 'element' && child.properties.dataKramdownFootnotes !== undefined,
    );
    if (marker >= 0) children.splice(marker, 1, ...(notes ? [notes] : []));
    else if (notes) children.push({ type: 'text', value: '\n' }, notes);
    const result: HastRoot = { type: 'root', children };
    state.patch(node, result);
    return state.applyData(node, result) as HastRoot;
  }

  function list(state: State, node: List): Element {
    const result = defaultHandlers.list(state, node);
    if ((node.data as { kramdownFootnotes?: boolean } | undefined)?.kramdownFootnotes)
      result.properties.dataKramdownFootnotes = '';
    return result;
  }

  // to-hast types handlers as returning element content; the root handler returns the root.
  return { footnoteReference, root: root as unknown as (state: State, node: Root) => Element, list };
}

/**
 * kramdown puts the backlink at the end of the footnote's last paragraph (found by descending
 * into last children), after a no-break space; when the footnote ends with another block, in a new
 * paragraph of its own.
 */
function addBacklinks(children: ElementContent[], note: Footnote, inline: boolean, backlink: string): void {
  if (backlink === '') return;
  const last = lastElement(children);
  let paragraph: Element | undefined;
  let space = true;
  if (last && (last.tagName === 'p' || inline)) {
    let parent: Element | undefined = last;
    while (parent && !/^(p|h[1-6])$/.test(parent.tagName)) parent = lastElement(parent.children);
    paragraph = parent;
  }
  if (!paragraph) {
    paragraph = { type: 'element', tagName: 'p', properties: {}, children: [] };
    children.push({ type: 'text', value: '\n' }, paragraph);
    space = false;
  }
  const link = (id: string, extra: ElementContent[]): Element => ({
    type: 'element',
    tagName: 'a',
    properties: { href: `#fnref:${id}`, className: ['reversefootnote'], role: 'doc-backlink' },
    // kramdown escapes the option as text: tags show as written, character references stay.
    children: [
      ...(fromHtml(escapeTags(backlink), { fragment: true }).children as ElementContent[]),
      ...extra,
    ],
  });
  paragraph.children.push({ type: 'text', value: space ? NBSP : '' }, link(note.name, []));
  for (let index = 1; index <= note.repeats; index++)
    paragraph.children.push(
      { type: 'text', value: NBSP },
      link(`${note.name}:${index}`, [
        {
          type: 'element',
          tagName: 'sup',
          properties: {},
          children: [{ type: 'text', value: String(index + 1) }],
        },
      ]),
    );
}

function lastElement(children: ElementContent[]): Element | undefined {
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i] as ElementContent;
    if (child.type === 'element') return child;
    if (child.type === 'text' && child.value.trim() !== '') return undefined;
  }
  return undefined;
}

function escapeTags(html: string): string {
  return html
    .replace(/&(?!\w+;|#\d+;|#x[\da-f]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
