import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type FixtureBuild, readOut } from './helpers.js';

// Only the CommonMark-compatible basics; kramdown fidelity has its own tests.
describe('Markdown', () => {
  let built: FixtureBuild;
  let html = '';
  beforeAll(async () => {
    built = await buildFixture('markdown');
    html = readOut(built.dest, 'doc.html');
  });

  it('builds cleanly', () => {
    expect(built.result.diagnostics).toEqual([]);
  });

  it('gives headings ids as kramdown does', () => {
    expect(html).toContain('<h1 id="install-the-tool">Install the tool</h1>');
    // Entity spelling (&amp; or &#x26;) is kramdown fidelity, tested elsewhere.
    expect(html).toMatch(/<h2 id="options--flags">Options (&amp;|&#x26;) flags<\/h2>/);
  });

  it('renders inline Markdown', () => {
    expect(html).toContain(
      '<p>Some <em>emphasis</em> and <code class="language-plaintext highlighter-rouge">code</code>.</p>',
    );
  });

  it('renders pipe tables', () => {
    expect(html).toMatch(
      /<table>[\s\S]*<th>Flag<\/th>[\s\S]*<td><code class="language-plaintext highlighter-rouge">-V<\/code><\/td>[\s\S]*<\/table>/,
    );
  });

  it('renders fenced code escaped, in the highlighter markup with the language class', () => {
    expect(html).toContain(
      '<div class="language-js highlighter-rouge"><div class="highlight"><pre class="highlight"><code>',
    );
    const code = html.slice(html.indexOf('<pre class="highlight">')).replace(/<span[^>]*>|<\/span>/g, '');
    expect(code).toMatch(/const answer = 1 (&lt;|&#x3C;) 2 (&amp;|&#x26;){2} "yes";\n<\/code>/);
  });

  it('keeps a raw HTML block as written', () => {
    expect(html).toContain('<div class="box">\n<p>Raw <b>HTML</b> block kept.</p>\n</div>');
    expect(html).toContain('<p>After the block.</p>');
  });
});
