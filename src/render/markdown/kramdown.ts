import type { Processor } from 'unified';
import { kramdownHtmlFromMarkdown } from './mdast-kramdown-html.js';
import { kramdownHtml } from './micromark-kramdown-html.js';

/**
 * The kramdown dialect on top of remark: registers the micromark extensions and mdast transforms
 * that make Jekyll/kramdown pages parse as kramdown parses them.
 */
export function remarkKramdown(this: Processor, options: KramdownOptions = {}): undefined {
  void options;
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(kramdownHtml());
  data.fromMarkdownExtensions.push(kramdownHtmlFromMarkdown());
}

export interface KramdownOptions {
  /** kramdown `toc_levels`, e.g. [2, 3]. */
  tocLevels?: number[];
}
