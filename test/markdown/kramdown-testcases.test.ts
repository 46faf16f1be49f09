import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, renderMarkdown } from '../../src/render/markdown/render-markdown.js';
import { normalizeHtml } from './normalize-html.js';

/** kramdown's own test suite, when present on this machine (not part of the repository). */
const root = fileURLToPath(new URL('../../../shared/kramdown-testcases', import.meta.url));

/**
 * Cases we pass, by path under `root`. Cases left out and why:
 * - block/09_html/simple, parse_block_html, content_model/*: need kramdown's `parse_block_html`.
 * - block/09_html/not_parsed: kramdown escapes stray `<`/`</p>` inside raw HTML; we pass it through.
 * - block/09_html/markdown_attr: `markdown="1"` on an element nested in raw HTML (`<dl><dt markdown="1">`)
 *   is not supported; only the outer element's attribute is read.
 */
const passing = [
  'block/09_html/comment',
  'block/09_html/html_after_block',
  'block/09_html/invalid_html_1',
  'block/09_html/invalid_html_2',
  'block/09_html/html5_attributes',
];

describe.skipIf(!existsSync(root))('kramdown test cases', () => {
  const processor = createMarkdownProcessor();
  for (const name of passing) {
    it(name, () => {
      const input = readFileSync(join(root, `${name}.text`), 'utf8');
      const expected = readFileSync(join(root, `${name}.html`), 'utf8');
      const { html } = renderMarkdown(processor, input, `${name}.text`);
      expect(normalizeHtml(html)).toBe(normalizeHtml(expected));
    });
  }
});
