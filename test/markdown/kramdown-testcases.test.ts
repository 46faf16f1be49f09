import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resolveKramdownOptions } from '../../src/config/kramdown-options.js';
import { createMarkdownProcessor, renderMarkdown } from '../../src/render/markdown/render-markdown.js';
import { normalizeHtmlLikeParity } from './normalize-html.js';

/** kramdown's own test suite, when present beside the repository (not on a user's clone). */
const root = fileURLToPath(new URL('../../../shared/kramdown-testcases', import.meta.url));

/**
 * Cases Galley does not pass yet, each with the reason. The list may only shrink: a case here that
 * passes fails this test until it is removed. Rouge's token markup is not reproduced, so cases
 * comparing it stay here for good.
 */
const knownFailures: Record<string, string> = {
  'block/03_paragraph/indented':
    'kramdown ends an indented code block at a line indented less than four spaces',
  'block/03_paragraph/standalone_image': 'a paragraph holding only an image becomes <figure> (kramdown 2.4)',
  'block/03_paragraph/with_html_to_native': 'html_to_native is not implemented',
  'block/04_header/setext_header': 'kramdown setext rules (no lazy underline, code block before it)',
  'block/06_codeblock/highlighting-opts': 'Rouge markup',
  'block/06_codeblock/rouge/multiple': 'Rouge markup (custom formatter)',
  'block/06_codeblock/rouge/simple': 'Rouge markup',
  'block/06_codeblock/whitespace': 'the show-whitespaces class (tab and space spans) is not implemented',
  'block/08_list/item_ial': 'an IAL at the start of a list item (lists branch)',
  'block/08_list/lazy_and_nested': 'a lazy line with a list marker inside a nested list stays text',
  'block/08_list/list_and_others': 'a rule may not interrupt a paragraph in kramdown input',
  'block/08_list/special_cases': 'kramdown list item paragraphs (lists branch)',
  'block/09_html/cdata_section': 'CDATA sections in HTML blocks',
  'block/09_html/content_model/tables': 'markdown="span" on a cell nested in a raw <table>',
  'block/09_html/html_to_native/code': 'html_to_native is not implemented',
  'block/09_html/html_to_native/emphasis': 'html_to_native is not implemented',
  'block/09_html/html_to_native/header': 'html_to_native is not implemented',
  'block/09_html/markdown_attr': 'markdown="1" on an element nested in raw HTML',
  'block/09_html/parse_as_raw': 'parse_block_html with raw content elements',
  'block/09_html/parse_as_span': 'a span-model element closed by an upper-case end tag',
  'block/09_html/processing_instruction': 'processing instructions are shown as text by kramdown',
  'block/09_html/simple': '&nbsp; in an attribute value of a parsed element becomes a character',
  'block/09_html/xml': 'XML elements with namespaces and unmatched end tags',
  'block/11_ial/simple': 'IAL details: attribute quoting, several IALs merged',
  'block/12_extension/options': '{::options /} does not change options mid-document',
  'block/12_extension/options3': 'Rouge markup (set through {::options})',
  'block/13_definition_list/auto_ids': 'an IAL at the start of a term (`{:#id} term`)',
  'block/13_definition_list/item_ial': 'an IAL at the start of a definition',
  'block/14_table/escaping': 'a code span over two table lines',
  'block/14_table/simple': 'cells split inside an HTML element other than <code>',
  'span/01_link/image_in_a': 'image alt text keeps nested Markdown as written',
  'span/01_link/inline': 'kramdown link bracket nesting rules',
  'span/01_link/link_defs': 'kramdown link definition rules (no URL, spaces, indentation)',
  'span/01_link/link_defs_with_ial': 'an IAL on a link definition used by a reference',
  'span/01_link/reference': 'kramdown reference link rules ([text] [id] with a space)',
  'span/02_emphasis/empty': 'kramdown emphasis rules differ from CommonMark',
  'span/02_emphasis/errors': 'kramdown emphasis rules differ from CommonMark',
  'span/02_emphasis/nesting': 'kramdown emphasis nesting order (***)',
  'span/02_emphasis/normal': 'kramdown emphasis rules differ from CommonMark',
  'span/03_codespan/highlighting': 'Rouge markup',
  'span/03_codespan/rouge/simple': 'Rouge markup',
  'span/05_html/across_lines': 'an attribute value over two lines is joined with a space',
  'span/05_html/markdown_attr': 'markdown="1"/"0" on span elements',
  'span/05_html/normal': 'processing instructions and other span HTML details',
  'span/abbreviations/abbrev': 'an IAL on an abbreviation definition',
  'span/abbreviations/abbrev_in_html': 'abbreviations inside SVG text parsed as span',
  'span/autolinks/url_links':
    'entities in an autolink URL are decoded; addresses with non-ASCII letters are autolinks',
  'span/extension/options': '{::options /} does not change options mid-document',
  'span/math/normal': 'a $$ block right after a paragraph line is inline math in kramdown',
  'span/text_substitutions/typography': 'a quote before an escaped bracket at the start of a paragraph',
};

/** Every case with an expected HTML file, by path under `root` without extension. */
function cases(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) cases(full, acc);
    else if (name.endsWith('.text') && existsSync(`${full.slice(0, -5)}.html`))
      acc.push(relative(root, full.slice(0, -5)));
  }
  return acc;
}

/** The case's options (its file, else its folder's, else the README's defaults) in kramdown input mode. */
function optionsFor(name: string): Record<string, unknown> {
  const own = join(root, `${name}.options`);
  const folder = join(dirname(join(root, name)), 'options');
  const file = existsSync(own) ? own : existsSync(folder) ? folder : undefined;
  const loaded = file ? yaml.load(readFileSync(file, 'utf8')) : { auto_ids: false, footnote_nr: 1 };
  const values = symbolKeys(loaded ?? {}) as Record<string, unknown>;
  const highlighter = (values.syntax_highlighter_opts ?? {}) as Record<string, unknown>;
  return {
    input: 'kramdown',
    auto_ids: true,
    ...values,
    syntax_highlighter_opts: { default_lang: null, ...highlighter },
  };
}

function symbolKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/^:/, ''), symbolKeys(v)]));
}

/** Compared as `npm run conformance` compares them. */
const comparable = normalizeHtmlLikeParity;

describe.skipIf(!existsSync(root))(
  existsSync(root)
    ? 'kramdown test cases'
    : 'kramdown test cases (skipped: ../shared/kramdown-testcases not found)',
  () => {
    const all = existsSync(root) ? cases(root) : [];

    it('lists only cases that exist', () => {
      expect(Object.keys(knownFailures).filter((name) => !all.includes(name))).toEqual([]);
    });

    for (const name of all) {
      const reason = knownFailures[name];
      it(reason ? `${name} (known failure: ${reason})` : name, () => {
        const processor = createMarkdownProcessor({ kramdown: resolveKramdownOptions(optionsFor(name)) });
        const input = readFileSync(join(root, `${name}.text`), 'utf8');
        const actual = comparable(renderMarkdown(processor, input, `${name}.text`).html);
        const expected = comparable(readFileSync(join(root, `${name}.html`), 'utf8'));
        if (reason) expect(actual, `${name} passes now: remove it from knownFailures`).not.toBe(expected);
        else expect(actual).toBe(expected);
      });
    }
  },
);
