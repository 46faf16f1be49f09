import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithJobs, tempDir, writeFiles } from '../build/helpers.js';

/**
 * A site whose templates read every page's `page` variables in the ways a worker could show
 * differently from this thread (snapshot-transfer.ts posts page bodies in a shared buffer and the
 * `vars` objects as copies): whole-object output, key order, identity with `site.pages` entries,
 * other pages' `content`, collections, data that names pages, and bodies of every shape.
 */
function pageVariablesSite(): string {
  const root = path.join(tempDir(), 'site');
  const files: Record<string, string> = {
    '_config.yml': 'title: Vars\ncollections:\n  docs:\n    output: true\n',
    '_layouts/default.html':
      '<pre id="self">{{ page | jsonify }}</pre>\n' +
      '<p id="keys">{% for pair in page %}{{ pair[0] }},{% endfor %}</p>\n' +
      '<p id="inspect">{{ page.content | inspect }}</p>\n' +
      '<ol>{% for p in site.pages %}<li>{% if p == page %}[me]{% endif %}{{ p.url }} {{ p.content | size }} ' +
      '{{ p.content | number_of_words }}</li>{% endfor %}</ol>\n' +
      '<p id="where">{{ site.pages | where: "title", "Astral" | map: "content" | jsonify }}</p>\n' +
      '<p id="html">{{ site.html_pages | map: "content" | join: "|" | size }}</p>\n' +
      '<p id="docs">{% for d in site.docs %}{{ d.content | jsonify }}{% if d == page %}[me]{% endif %}{% endfor %}</p>\n' +
      '<p id="cols">{% for c in site.collections %}{{ c.label }}:{% for d in c.docs %}{{ d.content | size }};{% endfor %}{% endfor %}</p>\n' +
      '<p id="menu">{% for item in site.data.menu %}{% assign hit = site.pages | where: "url", item.url | first %}' +
      '{{ item.label }}={{ hit.content | slice: 0, 12 | jsonify }};{% endfor %}</p>\n' +
      '<p id="generated">{{ site.data.loop.self.self.name }} {{ page.loop.name }} {{ page.related.title }}</p>\n' +
      '{% include show.html %}\n{{ content }}\n',
    '_includes/show.html': '<p id="include">{{ page.content | size }} {{ page.content | slice: 0, 5 }}</p>',
    // Generators run in this thread; what they leave in page data and site data goes to the workers.
    '_plugins/links.mjs':
      'export default function (galley) {\n' +
      '  galley.addGenerator((site) => {\n' +
      '    const loop = { name: "loop" };\n' +
      '    loop.self = loop;\n' +
      '    site.data.loop = loop;\n' +
      '    const first = site.pages.find((p) => p.path === "p00.md");\n' +
      '    for (const page of site.pages) {\n' +
      '      if (page !== first) page.data.related = first.data;\n' +
      '      page.data.loop = { name: "not a loop" };\n' +
      '    }\n' +
      '  });\n' +
      '}\n',
    '_data/menu.yml': '- label: one\n  url: /p01.html\n- label: astral\n  url: /astral.html\n',
    'astral.md':
      '---\ntitle: Astral\nlayout: default\n---\nEmoji \u{1F600} and \u{1D11E}, CJK \u6f22\u5b57, \u00e9.\n',
    'crlf.md': '---\r\ntitle: CRLF\r\nlayout: default\r\n---\r\nline one\r\nline two\r\n',
    'bom.md': '\uFEFF---\ntitle: BOM\nlayout: default\n---\nBOM page body\n',
    'inner-bom.md': '---\ntitle: Inner BOM\nlayout: default\n---\n\uFEFFstarts with a BOM\n',
    'empty.md': '---\ntitle: Empty\nlayout: default\n---\n',
    'blank.md': '---\ntitle: Blank\nlayout: default\n---\n\n\n',
    'keyed.md': '---\ncontent: from front matter\ntitle: Keyed\nlayout: default\n---\nKeyed body\n',
    'reader.md':
      '---\ntitle: Reader\nlayout: default\n---\n{% include_relative astral.md %}\n{% include_relative crlf.md %}\n' +
      '{% include_relative bom.md %}\n{% include_relative empty.md %}\n',
    '_docs/alpha.md': '---\ntitle: Alpha doc\nlayout: default\n---\nAlpha \u{1F680} doc body\n',
    '_docs/beta.md': '---\ntitle: Beta doc\nlayout: default\n---\n',
  };
  for (let i = 0; i < 16; i++) {
    files[`p${String(i).padStart(2, '0')}.md`] =
      `---\ntitle: Page ${i}\nlayout: default\n---\nBody of page ${i} \u2014 {{ page.title }}\n` +
      '{% for p in site.pages %}{% if p == page %}[me:{{ p.url }}]{% endif %}{% endfor %}\n' +
      '{% for pair in page %}{{ pair[0] }},{% endfor %} {{ page | jsonify | size }}\n';
  }
  writeFiles(root, files);
  return root;
}

/** The pages whose texts the tests read. */
const READ = ['astral.html', 'p01.html', 'reader.html', 'keyed.html', 'empty.html', 'docs/alpha.html'];

describe('page variables in worker threads', () => {
  it('read the same with any number of jobs: whole page objects, key order, other pages, collections', async () => {
    const runs = await buildWithJobs(pageVariablesSite(), READ);
    expect(runs[0].files['astral.html']).toContain('Emoji \u{1F600}');
    expect(runs[0].files['p01.html']).toContain('[me:/p01.html]');
    expect(runs[0].files['p01.html']).toContain('<p id="generated">loop not a loop Page 0</p>');
    expect(runs[1].files).toEqual(runs[0].files);
    expect(runs[1]).toEqual(runs[0]);
  }, 90_000);
});
