import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempDir, writeFiles } from '../build/helpers.js';

/**
 * A generator that links each guide page to the guide's index and the index to its pages (parent
 * and children, as breadcrumbs and sibling menus need), and a page outside the guide to one in it
 * ("see also"): the page data form cycles, which the render cache's keys must still tell apart.
 */
const SECTIONS_PLUGIN = `export default function (galley) {
  galley.addGenerator((site) => {
    const byPath = (file) => site.pages.find((p) => p.path === file);
    const index = byPath('guide/index.md');
    index.data.children = [];
    for (const page of site.pages) {
      if (page === index || !page.path.startsWith('guide/')) continue;
      page.data.parent = index.data;
      index.data.children.push(page.data);
    }
    byPath('see-also.md').data.related = byPath('guide/two.md').data;
  });
}
`;

function sectionSite(): string {
  const root = path.join(tempDir(), 'site');
  // Long enough front matter that each page's data is hashed to a digest, not kept as text.
  const about = `description: ${'A page of the guide with a description long enough to matter. '.repeat(5)}\n`;
  const files: Record<string, string> = {
    '_config.yml': 'title: Sections\n',
    '_plugins/sections.mjs': SECTIONS_PLUGIN,
    'guide/index.md': `---\ntitle: Guide\n${about}---\nThe guide.\n`,
    'see-also.md':
      '---\ntitle: See also\n---\n<p>{{ page.related.title }}, in {{ page.related.parent.title }}</p>\n',
  };
  for (const name of ['one', 'two', 'three'])
    files[`guide/${name}.md`] =
      `---\ntitle: Step ${name}\n${about}---\n` +
      '<ul>{% for s in page.parent.children %}<li>{{ s.title }}</li>{% endfor %}</ul>\n';
  writeFiles(root, files);
  return root;
}

describe('render cache and cyclic page data', () => {
  it('pages are rendered again when page data they reach through a cycle change', async () => {
    const source = sectionSite();
    const destination = path.join(tempDir(), '_site');
    const options = { source, destination, theme: false, cache: true, jobs: 1 } as const;
    const read = (file: string) => fs.readFileSync(path.join(destination, file), 'utf8');
    const edit = (file: string, from: string, to: string) => {
      const at = path.join(source, file);
      fs.writeFileSync(at, fs.readFileSync(at, 'utf8').replace(from, to));
    };
    await build(options);
    expect(read('see-also.html')).toContain('<p>Step two, in Guide</p>');
    expect((await build(options)).cache?.reused).toBe(5);

    edit('guide/index.md', 'title: Guide', 'title: Handbook');
    await build(options);
    expect(read('see-also.html')).toContain('<p>Step two, in Handbook</p>');

    edit('guide/one.md', 'title: Step one', 'title: Step uno');
    await build(options);
    for (const name of ['one', 'two', 'three'])
      expect(read(`guide/${name}.html`)).toContain('<li>Step uno</li>');
  }, 60_000);
});
