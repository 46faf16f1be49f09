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
 * passes fails this test until it is removed.
 */
const knownFailures: Record<string, string> = {
  'block/06_codeblock/rouge/multiple':
    "formatter: RougeHTMLFormatters names a Ruby class defined by kramdown's own test suite",
  'block/08_list/lazy_and_nested': 'a lazy line with a list marker inside a nested list stays text',
  'block/09_html/cdata_section': 'CDATA sections are shown as their text',
  'block/09_html/content_model/tables': 'markdown="span" on a cell nested in a raw <table>',
  'block/09_html/markdown_attr': 'markdown="1" on an element nested in raw HTML',
  'block/09_html/parse_as_raw': 'a <script> inside a paragraph stays raw up to </SCRIPT> (span HTML)',
  'block/12_extension/options3': 'default_lang set by {::options} with an escaped brace in its value',
  'span/01_link/inline': 'kramdown link bracket nesting rules',
  'span/01_link/link_defs': 'kramdown link definition rules (no URL, spaces, indentation)',
  'span/01_link/reference': 'kramdown reference link rules ([text] [id] with a space)',
  'span/02_emphasis/empty': 'kramdown emphasis rules differ from CommonMark',
  'span/02_emphasis/errors': 'kramdown emphasis rules differ from CommonMark',
  'span/02_emphasis/normal': 'kramdown emphasis rules differ from CommonMark',
  'span/05_html/markdown_attr': 'markdown="1"/"0" on span elements',
  'span/05_html/normal': 'processing instructions and other span HTML details',
  'span/abbreviations/abbrev_in_html': 'abbreviations inside SVG text parsed as span',
  'span/autolinks/url_links':
    'entities in an autolink URL are decoded; addresses with non-ASCII letters are autolinks',
  'span/extension/options':
    '{::options /} changes parse_block_html mid-page, but parse_span_html (span HTML kept raw) is not implemented',
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
