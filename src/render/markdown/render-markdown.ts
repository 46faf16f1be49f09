import type { Element as HastElement, Root as HastRoot } from 'hast';
import type { Parents } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import type { Diagnostic } from '../../diagnostics.js';
import { type KramdownOptions, remarkKramdown } from './kramdown.js';
import { kramdownBareLineToHast } from './kramdown-bare-line-to-hast.js';
import { kramdownCodeHandlers } from './kramdown-code-to-hast.js';
import { kramdownCommentLineToHast } from './kramdown-comment-line-to-hast.js';
import {
  kramdownDefinitionDescriptionToHast,
  kramdownDefinitionListToHast,
  kramdownDefinitionTermToHast,
} from './kramdown-definition-to-hast.js';
import { kramdownFootnoteHandlers } from './kramdown-footnote-to-hast.js';
import { kramdownLinkHandlers } from './kramdown-link-to-hast.js';
import { kramdownListItemToHast } from './kramdown-list-item-to-hast.js';
import { kramdownMathHandlers } from './kramdown-math-to-hast.js';
import { rehypeRawWhenNeeded } from './rehype-raw-when-needed.js';
import { remarkKramdownGfm } from './remark-kramdown-gfm.js';
import { remarkKramdownUnclosed } from './remark-kramdown-unclosed.js';

/**
 * An HTML element whose inside was parsed as Markdown (`markdown="1"`): its block children are
 * separated by newlines as at the top level, so the text of adjacent blocks never runs together.
 */
function kramdownElementToHast(state: State, node: Parents): HastElement {
  const data = (node.data ?? {}) as { hName?: string; hProperties?: HastElement['properties'] };
  const children = state.all(node);
  const block = node.children.some((c) => c.type !== 'text' && c.type !== 'html' && !PHRASING.has(c.type));
  const result: HastElement = {
    type: 'element',
    tagName: data.hName ?? 'div',
    properties: { ...(data.hProperties ?? {}) },
    children: block ? state.wrap(children, true) : children,
  };
  state.patch(node, result);
  return state.applyData(node, result);
}

const PHRASING = new Set([
  'emphasis',
  'strong',
  'inlineCode',
  'link',
  'image',
  'break',
  'delete',
  'linkReference',
  'imageReference',
  'footnoteReference',
]);

export interface MarkdownOptions {
  kramdown?: KramdownOptions;
  /** Site plugins' remark plugins, applied after ours. */
  remarkPlugins?: PluggableList;
  /** Site plugins' rehype plugins, applied before serialising. */
  rehypePlugins?: PluggableList;
}

export interface MarkdownResult {
  html: string;
  diagnostics: Diagnostic[];
}

/**
 * Builds the frozen unified processor once per site (or worker); constructing it per page is
 * measurable cost on large sites.
 */
export function createMarkdownProcessor(options: MarkdownOptions = {}): Processor {
  return unified()
    .use(remarkParse)
    .use(remarkKramdownGfm, options.kramdown ?? {})
    .use(remarkKramdown, options.kramdown ?? {})
    .use(remarkKramdownUnclosed)
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype, {
      allowDangerousHtml: true,
      handlers: {
        kramdownHtmlElement: kramdownElementToHast,
        ...kramdownLinkHandlers,
        ...kramdownCodeHandlers(options.kramdown),
        ...kramdownFootnoteHandlers(options.kramdown),
        ...kramdownMathHandlers(options.kramdown),
        listItem: kramdownListItemToHast,
        kramdownCommentLine: kramdownCommentLineToHast,
        kramdownBareLine: kramdownBareLineToHast,
        kramdownDefinitionList: kramdownDefinitionListToHast,
        kramdownDefinitionTerm: kramdownDefinitionTermToHast,
        kramdownDefinitionDescription: kramdownDefinitionDescriptionToHast,
      },
    })
    .use(rehypeRawWhenNeeded)
    .use(options.rehypePlugins ?? [])
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze() as unknown as Processor;
}

/**
 * Converts one page's Markdown (after Liquid) to HTML. `file` names the source for messages;
 * `lineOffset` is the number of lines before the body (front matter), so positions point into the
 * file the writer edits. Messages meant for the checker (`html/*`) are left to it: only it can map
 * their positions through Liquid.
 */
export function renderMarkdown(
  processor: Processor,
  markdown: string,
  file: string,
  lineOffset = 0,
): MarkdownResult {
  const vfile = processor.processSync({ value: markdown, path: file, data: { lineOffset } });
  const diagnostics: Diagnostic[] = vfile.messages
    .filter((m) => m.source !== 'html')
    .map((m) => ({
      file,
      line: m.line != null ? m.line + lineOffset : undefined,
      column: m.column ?? undefined,
      ruleId: m.ruleId ? `${m.source ?? 'markdown'}/${m.ruleId}` : 'markdown/warning',
      severity: m.fatal ? 'error' : 'warning',
      message: m.reason,
    }));
  return { html: String(vfile), diagnostics };
}

/** A message of the Markdown stage at an offset into its input (the Liquid output). */
export interface MarkdownMessage {
  ruleId: string;
  reason: string;
  offset?: number;
  fatal: boolean;
}

/** The converted page as a tree (positions are offsets into the Markdown), its HTML and messages. */
export interface MarkdownTreeResult {
  tree: HastRoot;
  html: string;
  messages: MarkdownMessage[];
}

/** Like `renderMarkdown`, but keeps the HTML tree and message offsets for the checker. */
export function renderMarkdownTree(processor: Processor, markdown: string, file: string): MarkdownTreeResult {
  const vfile = new VFile({ value: markdown, path: file });
  const tree = processor.runSync(processor.parse(vfile), vfile) as unknown as HastRoot;
  const html = processor.stringify(tree as never, vfile) as unknown as string;
  const messages = vfile.messages.map((m) => ({
    ruleId: m.ruleId ? `${m.source ?? 'markdown'}/${m.ruleId}` : 'markdown/warning',
    reason: m.reason,
    offset:
      m.place && 'offset' in m.place
        ? m.place.offset
        : m.place && 'start' in m.place
          ? m.place.start.offset
          : undefined,
    fatal: Boolean(m.fatal),
  }));
  return { tree, html, messages };
}
