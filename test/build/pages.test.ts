import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, expectGolden, type FixtureBuild, listTree, readOut } from './helpers.js';

describe('pages: which files are rendered, where they go, and the page variable', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture('pages');
  });

  it('builds without diagnostics and writes the site', () => {
    expect(built.result.diagnostics).toEqual([]);
    expect(built.result.written).toBe(true);
  });

  it('matches the golden output (page.url, page.path, page.dir, page.name, permalinks)', () => {
    expectGolden('pages', built.dest);
  });

  it('writes exactly the expected set of files', () => {
    expect(listTree(built.dest)).toEqual([
      'about/index.html',
      'contact-us.html',
      'guide/index.html',
      'index.html',
      'info.html',
      'notes.html',
      'plain.txt',
      'pretty/pretty/index.html',
      'sub/steps.html',
    ]);
  });

  it('copies a file without front matter byte for byte (Liquid in it is not run)', () => {
    const src = fs.readFileSync(path.join(built.dest, 'plain.txt'));
    expect(src.toString('latin1')).toContain('{{ page.url }} {% raw %}\r\n');
    expect(built.result.staticFiles.map((s) => s.outputPath)).toEqual(['plain.txt']);
  });

  it('x.md becomes x.html and is converted from Markdown', () => {
    expect(readOut(built.dest, 'sub/steps.html')).toContain(
      '<p>Steps live at /sub/steps.html from sub/steps.md.</p>',
    );
  });

  it('index.md becomes dir/index.html with the URL /dir/', () => {
    const page = built.result.pages.find((p) => p.path === 'guide/index.md');
    expect(page?.url).toBe('/guide/');
    expect(page?.outputPath).toBe('guide/index.html');
    expect(readOut(built.dest, 'guide/index.html')).toContain('<p>Guide home at /guide/ in /guide/.</p>');
  });

  it('permalink: /about/ writes about/index.html', () => {
    expect(readOut(built.dest, 'about/index.html')).toContain('<p>About page at /about/.</p>');
  });

  it('a .markdown file is Markdown by default (markdown_ext) and becomes .html', () => {
    expect(readOut(built.dest, 'notes.html')).toContain(
      '<p>Notes in a <code class="language-plaintext highlighter-rouge">.markdown</code> file.</p>',
    );
  });

  it('published: false and published: no are not written', () => {
    expect(fs.existsSync(path.join(built.dest, 'draft.html'))).toBe(false);
    expect(fs.existsSync(path.join(built.dest, 'hidden.html'))).toBe(false);
    expect(built.result.pages.map((p) => p.path)).not.toContain('draft.html');
    expect(built.result.pages.map((p) => p.path)).not.toContain('hidden.md');
  });

  it('reports each page with its source path, URL and output path', () => {
    const rows = built.result.pages.map((p) => [p.path, p.url, p.outputPath]);
    expect(rows).toEqual([
      ['about.md', '/about/', 'about/index.html'],
      ['contact.html', '/contact-us.html', 'contact-us.html'],
      ['guide/index.md', '/guide/', 'guide/index.html'],
      ['index.html', '/', 'index.html'],
      ['info.html', '/info.html', 'info.html'],
      ['notes.markdown', '/notes.html', 'notes.html'],
      ['sub/pretty.html', '/pretty/pretty/', 'pretty/pretty/index.html'],
      ['sub/steps.md', '/sub/steps.html', 'sub/steps.html'],
    ]);
  });
});
