import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import type { Processor } from 'unified';
import type { KramdownOptions } from '../../config/kramdown-options.js';

/**
 * The parts of GFM that kramdown's GFM parser (Jekyll's default input) understands:
 * `~~strikethrough~~` (with `input: GFM` only) and footnotes. Not autolink literals: kramdown leaves a bare
 * `www.example.com` or `name@example.com` as text, and linking them changes what readers see.
 */
export function remarkKramdownGfm(this: Processor, options: KramdownOptions = {}): void {
  const data = this.data();
  const add = (field: 'micromarkExtensions' | 'fromMarkdownExtensions', value: unknown) => {
    if (!data[field]) data[field] = [];
    (data[field] as unknown[]).push(value);
  };
  add('micromarkExtensions', gfmFootnote());
  add('fromMarkdownExtensions', gfmFootnoteFromMarkdown());
  // Tables are kramdown's own in both inputs (remarkKramdown); kramdown's own parser has no `~~`.
  if (options.input === 'kramdown') return;
  add('micromarkExtensions', gfmStrikethrough({ singleTilde: false }));
  add('fromMarkdownExtensions', gfmStrikethroughFromMarkdown());
}
