import type { Nodes, Root } from 'mdast';
import type { ParseContext } from 'micromark-util-types';
import { parseAttributeList } from './kramdown-attribute-list.js';

/**
 * The kramdown options a page may change with `{::options key="value" /}` that Galley honours.
 * Parser options apply from the tag on (kramdown sets them on its running parser); converter
 * options apply to the whole page (kramdown merges the page's final values into the converter's).
 */
export interface InlineOptions {
  /** Parser option: block HTML without `markdown` is parsed as Markdown. */
  parseBlockHtml?: boolean;
  /** Converter option: the first footnote's number. */
  footnoteNr?: number;
}

/** Reads the options of one `{::options ... /}` tag; unknown or invalid ones are ignored, as kramdown warns and skips them. */
export function readInlineOptions(tag: string): InlineOptions {
  const options: InlineOptions = {};
  for (const [key, value] of parseAttributeList(tag.replace(/^\{::options\b|\/?\}$/g, '')).attributes) {
    if (key === 'parse_block_html') options.parseBlockHtml = value.trim().toLowerCase() === 'true';
    if (key === 'footnote_nr' && /^\s*\d+\s*$/.test(value)) options.footnoteNr = Number.parseInt(value, 10);
  }
  return options;
}

/** The parser options in force at this point of one parse (micromark's `ParseContext` is per parse). */
const parseOptions = new WeakMap<ParseContext, InlineOptions>();

/** Records an `{::options}` tag the tokenizer has just read: what follows is parsed with it. */
export function setParseOptions(parser: ParseContext, options: InlineOptions): void {
  parseOptions.set(parser, { ...parseOptions.get(parser), ...options });
}

/** Whether block HTML is parsed as Markdown here: the page's own setting so far, else the site's. */
export function parseBlockHtmlAt(parser: ParseContext, fallback: boolean | undefined): boolean {
  return parseOptions.get(parser)?.parseBlockHtml ?? fallback ?? false;
}

interface RootOptionsData {
  kramdownInlineOptions?: InlineOptions;
}

/**
 * Collects the page's `{::options}` tags onto the tree, later tags winning, for the converter
 * options (`footnote_nr`). Runs before the tags are dropped from the tree.
 */
export function remarkKramdownInlineOptions() {
  return (tree: Root): undefined => {
    let found: InlineOptions | undefined;
    const visit = (node: Nodes): void => {
      if (node.type === 'kramdownExtension' && node.name === 'options' && node.start)
        found = { ...found, ...readInlineOptions(node.start) };
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
    if (!found) return;
    tree.data ??= {};
    (tree.data as RootOptionsData).kramdownInlineOptions = found;
  };
}

/** The converter options the page set with `{::options}`, if any. */
export function pageInlineOptions(tree: Root): InlineOptions {
  return (tree.data as RootOptionsData | undefined)?.kramdownInlineOptions ?? {};
}
