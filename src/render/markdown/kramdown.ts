import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { KramdownOptions } from '../../config/kramdown-options.js';
import { remarkKramdownInlineOptions } from './kramdown-inline-options.js';
import { kramdownAbbreviationFromMarkdown } from './mdast-kramdown-abbreviation.js';
import { kramdownBareLineFromMarkdown } from './mdast-kramdown-bare-line.js';
import { kramdownCodeIndentedFromMarkdown } from './mdast-kramdown-code-indented.js';
import { kramdownCommentLineFromMarkdown } from './mdast-kramdown-comment-line.js';
import { kramdownDefinitionFromMarkdown } from './mdast-kramdown-definition.js';
import { kramdownHtmlFromMarkdown } from './mdast-kramdown-html.js';
import { kramdownIalFromMarkdown } from './mdast-kramdown-ial.js';
import { kramdownTableFromMarkdown } from './mdast-kramdown-table.js';
import { kramdownAbbreviation } from './micromark-kramdown-abbreviation.js';
import { kramdownBareLine } from './micromark-kramdown-bare-line.js';
import { kramdownCodeFenced } from './micromark-kramdown-code-fenced.js';
import { kramdownCodeIndented } from './micromark-kramdown-code-indented.js';
import { kramdownCodeText } from './micromark-kramdown-code-text.js';
import { kramdownCommentLine } from './micromark-kramdown-comment-line.js';
import { kramdownDefinition } from './micromark-kramdown-definition.js';
import { kramdownEndOfBlock, kramdownEndOfBlockFromMarkdown } from './micromark-kramdown-end-of-block.js';
import {
  kramdownExtensionSpan,
  kramdownExtensionSpanFromMarkdown,
} from './micromark-kramdown-extension-span.js';
import { kramdownHeadingAtx } from './micromark-kramdown-heading-atx.js';
import { kramdownHtml } from './micromark-kramdown-html.js';
import { kramdownHtmlSpan, kramdownHtmlSpanFromMarkdown } from './micromark-kramdown-html-span.js';
import { kramdownIal } from './micromark-kramdown-ial.js';
import { kramdownLineBreak } from './micromark-kramdown-line-break.js';
import { kramdownList } from './micromark-kramdown-list.js';
import { kramdownMath, kramdownMathFromMarkdown } from './micromark-kramdown-math.js';
import { kramdownProcessingInstruction } from './micromark-kramdown-processing-instruction.js';
import { kramdownSetextUnderline } from './micromark-kramdown-setext-underline.js';
import { kramdownTable } from './micromark-kramdown-table.js';
import { kramdownTextLiterals } from './micromark-kramdown-text-literals.js';
import { kramdownThematicBreak } from './micromark-kramdown-thematic-break.js';
import { remarkKramdownAbbreviations } from './remark-kramdown-abbreviations.js';
import { remarkKramdownDefinitionList } from './remark-kramdown-definition-list.js';
import { remarkKramdownEmphasisNesting } from './remark-kramdown-emphasis-nesting.js';
import { remarkKramdownHardWrap } from './remark-kramdown-hard-wrap.js';
import { remarkKramdownHeadingIds } from './remark-kramdown-heading-ids.js';
import { remarkKramdownHtmlToNative } from './remark-kramdown-html-to-native.js';
import { remarkKramdownIal } from './remark-kramdown-ial.js';
import { remarkKramdownImageAlt } from './remark-kramdown-image-alt.js';
import { remarkKramdownListCodeTabs } from './remark-kramdown-list-code-tabs.js';
import { remarkKramdownListEndOfBlock } from './remark-kramdown-list-end-of-block.js';
import { remarkKramdownMailtoAutolink } from './remark-kramdown-mailto-autolink.js';
import { remarkKramdownRawUrls } from './remark-kramdown-raw-urls.js';
import { remarkKramdownSpanBlockTags } from './remark-kramdown-span-block-tags.js';
import { remarkKramdownSpanHtmlAttributes } from './remark-kramdown-span-html-attributes.js';
import { remarkKramdownStandaloneImage } from './remark-kramdown-standalone-image.js';
import { remarkKramdownStrayEndTags } from './remark-kramdown-stray-end-tags.js';
import { remarkKramdownTables } from './remark-kramdown-tables.js';
import { remarkKramdownToc } from './remark-kramdown-toc.js';
import { remarkKramdownTrailingSpaceBreak } from './remark-kramdown-trailing-space-break.js';
import { remarkKramdownTypography } from './remark-kramdown-typography.js';
import { remarkKramdownUnclosedSpans } from './remark-kramdown-unclosed-spans.js';

/**
 * The kramdown dialect on top of remark: registers the micromark extensions and mdast transforms
 * that make Jekyll/kramdown pages parse as kramdown parses them.
 */
export function remarkKramdown(this: Processor, options: KramdownOptions = {}) {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(
    kramdownHtml({ parseBlockHtml: options.parseBlockHtml }),
    kramdownIal(),
    kramdownDefinition(),
    kramdownAbbreviation(),
    kramdownLineBreak(),
    kramdownCommentLine(),
    kramdownCodeIndented(),
    kramdownEndOfBlock(),
    kramdownExtensionSpan(),
    kramdownList({ kramdownInput: options.input === 'kramdown' }),
    kramdownBareLine(),
  );
  data.fromMarkdownExtensions.push(
    kramdownHtmlFromMarkdown(),
    kramdownIalFromMarkdown(),
    kramdownDefinitionFromMarkdown(),
    kramdownAbbreviationFromMarkdown(),
    kramdownCommentLineFromMarkdown(),
    kramdownEndOfBlockFromMarkdown(),
    kramdownExtensionSpanFromMarkdown(),
    kramdownBareLineFromMarkdown(),
    kramdownCodeIndentedFromMarkdown(),
  );
  data.micromarkExtensions.push(
    kramdownMath(),
    kramdownTextLiterals({ kramdownEscapes: options.input === 'kramdown' }),
    // micromark tries the last extension's constructs first: an underline before a rule.
    kramdownThematicBreak({ kramdownInput: options.input === 'kramdown' }),
    kramdownSetextUnderline(),
    kramdownCodeText(),
    kramdownProcessingInstruction(),
    kramdownHtmlSpan(),
    kramdownCodeFenced(),
  );
  data.fromMarkdownExtensions.push(kramdownMathFromMarkdown(), kramdownHtmlSpanFromMarkdown());
  // kramdown's GFM parser keeps kramdown's own tables (code spans protect `|`, no separator line
  // needed), so both inputs use them.
  data.micromarkExtensions.push(kramdownTable());
  data.fromMarkdownExtensions.push(kramdownTableFromMarkdown());
  if (options.input === 'kramdown') data.micromarkExtensions.push(kramdownHeadingAtx());
  const tables = remarkKramdownTables();
  const hardWrap = options.hardWrap && options.input !== 'kramdown' ? remarkKramdownHardWrap() : undefined;
  const trailingSpaceBreaks = options.input === 'kramdown' ? remarkKramdownTrailingSpaceBreak() : undefined;
  const mailtoAutolinks = options.input === 'kramdown' ? remarkKramdownMailtoAutolink() : undefined;
  const ials = remarkKramdownIal();
  const inlineOptions = remarkKramdownInlineOptions();
  const standaloneImages = remarkKramdownStandaloneImage();
  const definitionLists = remarkKramdownDefinitionList();
  const listEndOfBlock = remarkKramdownListEndOfBlock();
  const abbreviations = remarkKramdownAbbreviations(options.input === 'kramdown');
  const htmlToNative = options.htmlToNative ? remarkKramdownHtmlToNative() : undefined;
  const headingIds = remarkKramdownHeadingIds(options);
  const typography = remarkKramdownTypography(options);
  const toc = remarkKramdownToc(options.tocLevels);
  const spanBlockTags = remarkKramdownSpanBlockTags();
  const strayEndTags = remarkKramdownStrayEndTags();
  const unclosedSpans = remarkKramdownUnclosedSpans();
  const listCodeTabs = remarkKramdownListCodeTabs();
  const rawUrls = remarkKramdownRawUrls();
  const spanHtmlAttributes = remarkKramdownSpanHtmlAttributes();
  const imageAlt = remarkKramdownImageAlt();
  const emphasisNesting = remarkKramdownEmphasisNesting();
  return (tree: Root, file: VFile): undefined => {
    // A transform whose nodes cannot be in the tree without their marker in the text is skipped
    // when the text has none: each is a walk of the whole tree, and most pages use none of them
    // (the bench site's pages none: ~2% of its CPU together).
    const source = String(file.value ?? '');
    const has = (marker: string) => source.includes(marker);
    // Before the definition lists, which drop the end-of-block markers.
    if (has('^')) listEndOfBlock(tree);
    definitionLists(tree);
    // `{::options}`, and IALs, ALDs and extensions, all start with `{:`.
    if (has('{::')) inlineOptions(tree);
    if (has('{:')) ials(tree);
    standaloneImages(tree);
    tables(tree, file);
    hardWrap?.(tree);
    trailingSpaceBreaks?.(tree, file);
    mailtoAutolinks?.(tree, file);
    htmlToNative?.(tree);
    headingIds(tree, file);
    typography(tree, file);
    // A definition starts `*[`; a table of contents is a list marked `{:toc}`.
    if (has('*[')) abbreviations(tree);
    if (has('toc')) toc(tree);
    spanBlockTags(tree);
    strayEndTags(tree);
    unclosedSpans(tree);
    // Only code lines indented with tabs change.
    if (has('\t')) listCodeTabs(tree, file);
    rawUrls(tree);
    spanHtmlAttributes(tree);
    imageAlt(tree, file);
    emphasisNesting(tree, file);
  };
}

export type { KramdownOptions } from '../../config/kramdown-options.js';
