import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { AUTO_PAGES_PER_THREAD, threadsFor } from '../../src/render/render-threads.js';
import { buildWithJobs, hashTree, tempDir, writeFiles } from '../build/helpers.js';

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

/**
 * Pages that read other page files with `include_relative` (LF, CRLF and BOM files, front matter
 * and all); with `broken`, Liquid errors in a page and in an included page file, whose positions
 * are found in the file texts. Workers get those texts packed (snapshot-transfer.ts).
 */
function pageFilesSite(broken: boolean): string {
  const root = path.join(tempDir(), 'site');
  const files: Record<string, string> = {
    '_config.yml': 'title: Page files\n',
    'shared/lf.md': '---\ntitle: LF part\n---\nLF body {{ page.title }}\n',
    'shared/crlf.md': '---\r\ntitle: CRLF part\r\n---\r\nCRLF body\r\nsecond line\r\n',
    'shared/bom.md': '\uFEFF---\ntitle: BOM part\n---\nBOM body\n',
    'shared/empty.md': '---\ntitle: Empty part\n---\n',
  };
  if (broken) {
    files['shared/broken.md'] = '---\ntitle: Broken part\n---\nfine line\n\n{% if %}\n';
    files['bad.md'] = '---\ntitle: Bad\n---\nline one\n\nline three {{ page.title | nope: }}\n';
  }
  for (let i = 0; i < 24; i++) {
    files[`p${String(i).padStart(2, '0')}.md`] =
      `---\ntitle: Reader ${i}\n---\n# Reader ${i}\n\n` +
      '{% include_relative shared/lf.md %}\n{% include_relative shared/crlf.md %}\n' +
      '{% include_relative shared/bom.md %}\n{% include_relative shared/empty.md %}\n' +
      (broken && i % 8 === 0 ? '{% include_relative shared/broken.md %}\n' : '');
  }
  writeFiles(root, files);
  return root;
}

describe('worker threads and page files', () => {
  it('include_relative of a page file includes the same text with any number of jobs', async () => {
    const runs = await buildWithJobs(pageFilesSite(false), ['p01.html']);
    // The whole file is included, front matter and all, as Jekyll does.
    for (const part of ['title: LF part', 'title: CRLF part', 'title: BOM part', 'title: Empty part'])
      expect(runs[0].files['p01.html']).toContain(part);
    expect(runs[1]).toEqual(runs[0]);
  }, 90_000);

  it('Liquid errors in a page and in an included page file have the same positions with any number of jobs', async () => {
    const runs = await buildWithJobs(pageFilesSite(true), ['p01.html']);
    const at = (d: { file: string; line?: number }) => `${d.file}:${d.line}`;
    expect(runs[0].diagnostics.map(at)).toEqual(expect.arrayContaining(['bad.md:6', 'shared/broken.md:6']));
    expect(runs[1]).toEqual(runs[0]);
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
