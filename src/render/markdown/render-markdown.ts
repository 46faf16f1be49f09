import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, type Processor, unified } from 'unified';
import type { Diagnostic } from '../../diagnostics.js';
import { type KramdownOptions, remarkKramdown } from './kramdown.js';

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
    .use(remarkGfm)
    .use(remarkKramdown, options.kramdown ?? {})
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(options.rehypePlugins ?? [])
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze() as unknown as Processor;
}

/**
 * Converts one page's Markdown (after Liquid) to HTML. `file` names the source for messages;
 * `lineOffset` is the number of lines before the body (front matter), so positions point into the
 * file the writer edits.
 */
export function renderMarkdown(
  processor: Processor,
  markdown: string,
  file: string,
  lineOffset = 0,
): MarkdownResult {
  const vfile = processor.processSync({ value: markdown, path: file, data: { lineOffset } });
  const diagnostics: Diagnostic[] = vfile.messages.map((m) => ({
    file,
    line: m.line != null ? m.line + lineOffset : undefined,
    column: m.column ?? undefined,
    ruleId: m.ruleId ? `${m.source ?? 'markdown'}/${m.ruleId}` : 'markdown/warning',
    severity: m.fatal ? 'error' : 'warning',
    message: m.reason,
  }));
  return { html: String(vfile), diagnostics };
}
