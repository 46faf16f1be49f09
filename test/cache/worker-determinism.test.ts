import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { AUTO_PAGES_PER_THREAD, threadsFor } from '../../src/render/page-renderer.js';
import { hashTree, tempDir, writeFiles } from '../build/helpers.js';

/** Enough pages for the pool to be used, with includes, links (one broken), data and a callout. */
function site(): string {
  const root = path.join(tempDir(), 'site');
  const files: Record<string, string> = {
    '_config.yml': 'title: Workers\n',
    '_layouts/default.html':
      '<title>{{ page.title }}</title>\n<nav>{% for p in site.pages %}{{ p.title }} {% endfor %}</nav>\n{{ content }}\n',
    '_includes/note.md':
      '<div class="bs-callout bs-callout-info" markdown="1">\n\n**Note:** {{ include.text }}\n\n</div>\n',
    '_data/v.yml': 'name: two\n',
  };
  for (let i = 0; i < 24; i++) {
    files[`p${String(i).padStart(2, '0')}.md`] =
      `---\ntitle: Page ${i}\nlayout: default\n---\n# Page ${i} {#p${i}}\n\n` +
      `{% include note.md text="n${i}" %}\n\n| a | b |\n|---|---|\n| ${i} | {{ site.data.v.name }} |\n\n` +
      `[next](p${String((i + 1) % 24).padStart(2, '0')}.html#p${(i + 1) % 24}) [gone](missing-${i % 3}.html)\n`;
  }
  writeFiles(root, files);
  return root;
}

describe('worker threads', () => {
  it('render byte-identical output, diagnostics and check results with any number of jobs', async () => {
    const source = site();
    const runs = [];
    for (const jobs of [1, 2, 3]) {
      const result = await build({ source, destination: path.join(tempDir(), '_site'), theme: false, jobs });
      runs.push({
        tree: hashTree(result.config?.destination as string),
        diagnostics: result.diagnostics.map(({ cause: _c, ...d }) => d),
      });
    }
    expect(runs[0].diagnostics.some((d) => d.ruleId === 'links/missing-page')).toBe(true);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    // Five workers load the TypeScript sources through tsx: slow on a loaded machine.
  }, 90_000);
});

describe('threads per batch', () => {
  it('auto starts a second thread only when each thread gets enough pages, up to one per core', () => {
    expect(threadsFor(10, 'auto', 4)).toBe(1);
    expect(threadsFor(2 * AUTO_PAGES_PER_THREAD, 'auto', 4)).toBe(2);
    expect(threadsFor(4000, 'auto', 2)).toBe(2);
  });

  it('an explicit number of jobs is used once a batch has four pages a thread', () => {
    expect(threadsFor(7, 2, 2)).toBe(1);
    expect(threadsFor(8, 2, 2)).toBe(2);
  });
});
