import type { Heading, Nodes, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from '../../config/kramdown-options.js';
import { decodeCharacterReferences } from './kramdown-attribute-list.js';
import type { KramdownDefinitionList } from './mdast-kramdown-definition.js';
import type {} from './mdast-kramdown-html.js';

const explicitId = /[\t ]+\{#([A-Za-z][\w:-]*)\}[\t ]*$/;

/**
 * Gives every heading an id as Jekyll's kramdown (GFM parser, `auto_ids`) does:
 * - `## Title {#my-id}` sets the id explicitly and the `{#my-id}` is removed;
 * - an id from an IAL (`{: #id}`) is kept;
 * - otherwise the id comes from the heading's Markdown source: lower-cased, characters other than
 *   word characters, `-`, space and tab removed, spaces and tabs turned into `-`, and `-1`, `-2`...
 *   appended to repeats;
 * - headings inside HTML elements parsed with `markdown="1"` are skipped by kramdown-parser-gfm
 *   and get kramdown's own converter ids instead (leading non-letters dropped, ASCII only,
 *   `section` when empty), counted separately.
 * With `input: kramdown` every heading gets the converter id; `auto_ids: false` gives none but
 * explicit ones, `auto_id_prefix` goes before each automatic id, `auto_id_stripping` makes ids
 * from the heading's text without its HTML tags, `transliterated_header_ids` from ASCII letters.
 * `header_offset` shifts every level and `header_links` puts a link to the id in the heading.
 */
export function remarkKramdownHeadingIds(options: KramdownOptions = {}) {
  const kramdownInput = options.input === 'kramdown';
  const prefix = options.autoIdPrefix ?? JEKYLL_KRAMDOWN_DEFAULTS.autoIdPrefix;
  return (tree: Root, file: VFile): undefined => {
    const source = typeof file.value === 'string' ? file.value : String(file.value ?? '');
    const gfmCounts = new Map<string, number>();
    const kramdownCounts = new Map<string, number>();

    const walk = (parent: Parent, inHtml: boolean): void => {
      for (const child of parent.children) {
        if (child.type === 'kramdownDefinitionList') termIds(child);
        if (child.type === 'heading') setId(child, inHtml);
        else if ('children' in child) walk(child, inHtml || child.type === 'kramdownHtmlElement');
      }
    };

    const setId = (heading: Heading, inHtml: boolean): void => {
      if (options.headerOffset)
        heading.depth = Math.min(6, Math.max(1, heading.depth + options.headerOffset)) as Heading['depth'];
      assignId(heading, inHtml);
      const id = heading.data?.hProperties?.id;
      // `header_links`: an empty link to the heading itself, before its text.
      if (options.headerLinks && typeof id === 'string' && id)
        heading.children.unshift({ type: 'link', url: `#${id}`, children: [] });
    };

    const assignId = (heading: Heading, inHtml: boolean): void => {
      let raw = rawText(heading, source);
      const match = explicitId.exec(raw);
      let id: string | undefined;
      if (match) {
        raw = raw.slice(0, match.index);
        id = match[1];
        stripExplicitId(heading);
      }
      heading.data ??= {};
      heading.data.hProperties ??= {};
      const properties = heading.data.hProperties;
      if (properties.id !== undefined && properties.id !== null) {
        // `{: id=""}` asks for no id at all.
        if (properties.id === '') delete properties.id;
        return;
      }
      if (id !== undefined) {
        properties.id = id;
        return;
      }
      if (options.autoIds === false) return;
      if (options.autoIdStripping) raw = plainText(heading);
      if (options.transliteratedHeaderIds) raw = transliterate(raw);
      // kramdown reads character references in the heading (`&mdash;`) as the characters.
      properties.id =
        prefix +
        (inHtml || kramdownInput
          ? kramdownId(raw, kramdownCounts)
          : gfmId(decodeCharacterReferences(raw), gfmCounts));
    };

    walk(tree, false);
  };
}

/**
 * A definition list marked `{:auto_ids}` (or `{:auto_ids-prefix-}`) gives each term without an id
 * one made from its text, with the prefix; unlike heading ids, repeats are not numbered.
 */
function termIds(list: KramdownDefinitionList): void {
  const prefix = (list.data as { kramdownAutoIdPrefix?: string } | undefined)?.kramdownAutoIdPrefix;
  if (prefix === undefined) return;
  for (const term of list.children) {
    if (term.type !== 'kramdownDefinitionTerm') continue;
    term.data ??= {};
    term.data.hProperties ??= {};
    if (term.data.hProperties.id) continue;
    term.data.hProperties.id = prefix + kramdownId(plainText(term), new Map());
  }
}

/** The heading's content as written (kramdown's `raw_text`). */
function rawText(heading: Heading, source: string): string {
  const first = heading.children[0];
  const last = heading.children[heading.children.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (start === undefined || end === undefined) return plainText(heading);
  return source.slice(start, end);
}

function stripExplicitId(heading: Heading): void {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'text') return;
  const match = explicitId.exec(last.value);
  if (!match) return;
  last.value = last.value.slice(0, match.index);
  if (last.value === '') heading.children.pop();
}

/** kramdown-parser-gfm `generate_gfm_header_id`. */
export function gfmId(text: string, counts: Map<string, number>): string {
  const base = text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
  const count = (counts.get(base) ?? -1) + 1;
  counts.set(base, count);
  return count > 0 ? `${base}-${count}` : base;
}

/** kramdown's converter `generate_id` (used for headings the GFM parser does not reach). */
export function kramdownId(text: string, counts: Map<string, number>): string {
  let id = text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
  if (id === '') id = 'section';
  const used = counts.get(id);
  if (used === undefined) {
    counts.set(id, 0);
    return id;
  }
  counts.set(id, used + 1);
  return `${id}-${used + 1}`;
}

/** Accented Latin letters as their base ASCII letter (kramdown uses a full transliteration table). */
function transliterate(text: string): string {
  return text
    .replace(/[\u0110\u0111]/g, (c) => (c === '\u0110' ? 'D' : 'd'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map(plainText).join('');
  return '';
}
