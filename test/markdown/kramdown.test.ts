import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resolveKramdownOptions } from '../../src/config/kramdown-options.js';
import { createMarkdownProcessor, renderMarkdown } from '../../src/render/markdown/render-markdown.js';
import { normalizeHtml } from './normalize-html.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const processor = createMarkdownProcessor({ kramdown: { tocLevels: [2, 3] } });

function render(markdown: string): string {
  return renderMarkdown(processor, markdown, 'test.md').html;
}

describe('remarkKramdown fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
      const expected = readFileSync(join(fixtures, name, 'output.html'), 'utf8');
      // A fixture may set kramdown options as a site's `kramdown:` block would.
      const optionsFile = join(fixtures, name, 'kramdown.yml');
      const html = existsSync(optionsFile)
        ? renderMarkdown(
            createMarkdownProcessor({
              kramdown: resolveKramdownOptions(
                yaml.load(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>,
              ),
            }),
            input,
            'test.md',
          ).html
        : render(input);
      expect(normalizeHtml(html)).toBe(normalizeHtml(expected));
    });
  }
});

describe('kramdown spans over several lines of a paragraph', () => {
  // Each threw "Cannot access index ... in a splice buffer" once the span held two line breaks.
  // Expected: kramdown 2.4's HTML for the same input.
  it('span math', () => {
    expect(render('a $$\nd\ne\n$$ z')).toBe('<p>a \\(d\ne\\) z</p>');
  });

  it('a comment extension', () => {
    expect(render('a {::comment}\nx\ny\n{:/} b')).toBe('<p>a <!-- \nx\ny\n --> b</p>');
  });

  it('a nomarkdown extension', () => {
    expect(render('a {::nomarkdown}\n*x*\ny\n{:/} b')).toBe('<p>a \n*x*\ny\n b</p>');
  });
});

describe('kramdown tables', () => {
  // A table is tried at every line start; a line is ruled out early when the text ahead of it
  // holds no `|`. Lines split into many pieces (each tab is several) must still be read whole.
  it('finds a pipe after many tabs on the first row', () => {
    const html = render(`${'a\t'.repeat(20)}| b\nc | d\n`);
    expect(html).toMatch(
      /^<table><tbody><tr><td>a\ta(\ta)*<\/td><td>b<\/td><\/tr><tr><td>c<\/td><td>d<\/td><\/tr>/,
    );
  });

  it('starts no table on a line without a pipe, nor on the paragraph line after it', () => {
    expect(render('no pipe\t\there\n| a | b |\n')).toBe('<p>no pipe\t\there\n| a | b |</p>');
    expect(render('x | y\n')).toBe('<table><tbody><tr><td>x</td><td>y</td></tr></tbody></table>');
  });
});

describe('kramdown HTML blocks', () => {
  it('turns a markdown="1" callout into the element with converted children', () => {
    const html = render(
      '<div class="bs-callout bs-callout-info" markdown="1">\n**Note:** see [x](y)\n</div>\n',
    );
    expect(html).toBe(
      '<div class="bs-callout bs-callout-info">\n<p><strong>Note:</strong> see <a href="y">x</a></p>\n</div>',
    );
  });

  it('keeps a blank line and indented rows inside one raw table', () => {
    const html = render('<table>\n<tbody>\n\n    <tr><td>a</td></tr>\n\n</tbody>\n</table>\n');
    expect(html).not.toContain('<pre>');
    expect(html.match(/<table>/g)).toHaveLength(1);
  });

  it('closes nested same-name elements at the matching end tag', () => {
    const html = render('<div>\n<div>\ninner\n</div>\n\nstill raw *here*\n</div>\n\n*after*\n');
    expect(html).toContain('still raw *here*');
    expect(html).toContain('<p><em>after</em></p>');
  });

  it('parses text after the end tag on the same line as Markdown', () => {
    expect(render('<div>x</div> *y*\n')).toBe('<div>x</div> \n<p><em>y</em></p>');
  });

  it('ends an element opened in a list item with the item', () => {
    const html = render('* item\n\n  <div markdown="1">\n  *in*\n\n* next\n');
    expect(normalizeHtml(html)).toBe(
      '<ul><li><p>item</p><div><p><em>in</em></p></div></li><li><p>next</p></li></ul>',
    );
  });

  it('shows an end tag that closes nothing as text, like kramdown', () => {
    expect(render('a\n\n</div>\n')).toBe('<p>a</p>\n<p>&#x3C;/div></p>');
  });

  it('lets a block start tag interrupt a paragraph but not a span tag', () => {
    expect(normalizeHtml(render('text\n<div>x</div>\n'))).toBe('<p>text</p><div>x</div>');
    expect(normalizeHtml(render('text\n<span>x</span>\n'))).toBe('<p>text <span>x</span></p>');
  });

  // ../shared beside the repository, where it exists (not on a user's clone).
  const seed = fileURLToPath(new URL('../../../shared/seed/site', import.meta.url));
  it.skipIf(!existsSync(seed))('renders the seed page table and the unclosed include div', () => {
    let page = readFileSync(join(seed, 'guides/v2.0/cloud/live/stage-prod-over.md'), 'utf8');
    page = page.replace(/^---[\s\S]*?\n---\n/, '');
    page = page.replace(
      '{% include cloud/hooks.md %}',
      readFileSync(join(seed, '_includes/cloud/hooks.md'), 'utf8'),
    );
    page = page.replaceAll('{{ page.baseurl }}', '/guides/v2.0/').replaceAll('{{ site.baseurl }}', '');
    const html = render(page);
    expect(html).not.toContain('<pre>');
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html.match(/<tr>/g)).toHaveLength(5);
    // The include's `<div markdown="1">` is never closed: it holds the rest of the page.
    // Block children are separated by newlines, as at the top level.
    const tail = html.slice(html.indexOf('<div>\n<p>For technical reasons'));
    expect(tail).toMatch(/<h4[^>]*>Next step<\/h4>\n<p><a [^>]+>Prepare to migrate data<\/a><\/p>\n<\/div>$/);
  });
});
