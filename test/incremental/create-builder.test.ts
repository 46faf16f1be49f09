import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BuildOptions, build } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { createBuilder } from '../../src/incremental/create-builder.js';
import { editFile, hashTree, tempDir, writeFiles } from '../build/helpers.js';

/**
 * A small site whose pages read different things: an include, a layout, data, `site.pages`, a
 * link with an anchor into another page, and an inline ignore comment.
 */
function editSite(): string {
  const root = path.join(tempDir(), 'site');
  writeFiles(root, {
    '_config.yml': 'title: Builder test\n',
    '_layouts/default.html': '<title>{{ page.title }}</title>\n{{ content }}\n',
    '_layouts/plain.html': '<main>{{ content }}</main>\n',
    '_includes/tip.md': '<div class="bs-callout bs-callout-tip" markdown="1">\n\nA tip.\n\n</div>\n',
    '_includes/footer.html': '<footer>Footer one</footer>\n',
    '_data/colors.yml': '- red\n- green\n',
    'alpha.md':
      '---\ntitle: Alpha\nlayout: default\n---\n# Alpha\n\n## Setup steps\n\n{% include tip.md %}\n',
    'beta.md': '---\ntitle: Beta\nlayout: default\n---\n# Beta\n\nBeta text.\n\n{% include footer.html %}\n',
    'gamma.md':
      '---\ntitle: Gamma\nlayout: plain\n---\n# Gamma\n\nSee [the steps]({% link alpha.md %}#setup-steps).\n',
    'delta.md':
      '---\ntitle: Delta\nlayout: plain\n---\n{% for c in site.data.colors %}- {{ c }}\n{% endfor %}\n',
    'list.md': '---\ntitle: List\nlayout: plain\n---\n{% for p in site.pages %}{{ p.title }} {% endfor %}\n',
    'quiet.md':
      '---\ntitle: Quiet\nlayout: plain\n---\n<!-- galley-ignore links/missing-page -->\n[gone](/nowhere.html)\n',
  });
  return root;
}

const withoutCause = (ds: readonly Diagnostic[]) => ds.map(({ cause: _cause, ...d }) => d);

/** A fresh `build()` of the site as it is now: the output and diagnostics a rebuild must equal. */
async function coldBuild(site: string, extra: BuildOptions = {}) {
  const destination = path.join(tempDir(), '_site');
  const result = await build({ source: site, destination, theme: false, ...extra });
  return { tree: hashTree(destination), diagnostics: withoutCause(result.diagnostics), result };
}

async function startBuilder(site: string, extra: BuildOptions = {}) {
  const destination = path.join(tempDir(), '_site');
  const builder = createBuilder({ source: site, destination, theme: false, ...extra });
  const first = await builder.build();
  expect(first.written).toBe(true);
  return { builder, destination };
}

describe('createBuilder', () => {
  it('a page body edit renders that page (and the page listing site.pages), writes only changed files', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    const before = fs.statSync(path.join(destination, 'list.html')).mtimeMs;
    editFile(site, 'beta.md', 'Beta text.', 'Beta text, edited.');
    const r = await builder.rebuild({ changed: ['beta.md'] });
    expect(r.rebuild.mode).toBe('edit');
    // list.md reads site.pages, which holds every page's content, so it is rendered too; its
    // bytes do not change, so only beta.html is written.
    expect(r.rebuild.rendered).toEqual(['beta.md', 'list.md']);
    expect(r.rebuild.written).toEqual(['beta.html']);
    expect(r.rebuild.rechecked).toEqual(['beta.md', 'list.md']);
    expect(fs.readFileSync(path.join(destination, 'beta.html'), 'utf8')).toContain('Beta text, edited.');
    expect(fs.statSync(path.join(destination, 'list.html')).mtimeMs).toBe(before);
    const cold = await coldBuild(site);
    expect(hashTree(destination)).toBe(cold.tree);
    expect(withoutCause(r.diagnostics)).toEqual(cold.diagnostics);
    expect(r.pages.map((p) => p.html)).toEqual(cold.result.pages.map((p) => p.html));
  });

  it('an absolute path is taken as well as one relative to the source', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    editFile(site, 'delta.md', '{% for c', 'Colors:\n\n{% for c');
    const r = await builder.rebuild({ changed: [path.join(site, 'delta.md')] });
    expect(r.rebuild.mode).toBe('edit');
    expect(r.rebuild.rendered).toEqual(['delta.md', 'list.md']);
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
  });

  it('an include edit renders exactly the pages that include it', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    editFile(site, '_includes/footer.html', 'Footer one', 'Footer two');
    const r = await builder.rebuild({ changed: ['_includes/footer.html'] });
    expect(r.rebuild.mode).toBe('edit');
    expect(r.rebuild.rendered).toEqual(['beta.md']);
    expect(r.rebuild.written).toEqual(['beta.html']);
    expect(fs.readFileSync(path.join(destination, 'beta.html'), 'utf8')).toContain('Footer two');
    const cold = await coldBuild(site);
    expect(hashTree(destination)).toBe(cold.tree);
    expect(withoutCause(r.diagnostics)).toEqual(cold.diagnostics);
  });

  it('a layout edit renders exactly the pages using that layout', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    editFile(site, '_layouts/plain.html', '<main>', '<main class="wide">');
    const r = await builder.rebuild({ changed: ['_layouts/plain.html'] });
    expect(r.rebuild.mode).toBe('edit');
    expect(r.rebuild.rendered).toEqual(['delta.md', 'gamma.md', 'list.md', 'quiet.md']);
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
  });

  it('renaming a heading another page links to reports the broken anchor there, as a fresh build does', async () => {
    const site = editSite();
    const { builder } = await startBuilder(site);
    editFile(site, 'alpha.md', '## Setup steps', '## Installation steps');
    const r = await builder.rebuild({ changed: ['alpha.md'] });
    expect(r.rebuild.mode).toBe('edit');
    // alpha.md and list.md were rendered again; gamma.md links to alpha.md, whose anchors changed.
    expect(r.rebuild.rechecked).toEqual(['alpha.md', 'gamma.md', 'list.md']);
    const broken = r.diagnostics.filter((d) => d.ruleId === 'links/missing-anchor');
    expect(broken.map((d) => `${d.file}:${d.line}`)).toEqual(['gamma.md:7']);
    expect(withoutCause(r.diagnostics)).toEqual((await coldBuild(site)).diagnostics);
    // And back: the finding goes away again.
    editFile(site, 'alpha.md', '## Installation steps', '## Setup steps');
    const back = await builder.rebuild({ changed: ['alpha.md'] });
    expect(back.diagnostics.filter((d) => d.ruleId === 'links/missing-anchor')).toEqual([]);
  });

  it('an inline ignore comment added by an edit silences the finding, as in a fresh build', async () => {
    const site = editSite();
    const { builder } = await startBuilder(site);
    editFile(site, 'quiet.md', '<!-- galley-ignore links/missing-page -->\n', '');
    const loud = await builder.rebuild({ changed: ['quiet.md'] });
    expect(loud.rebuild.mode).toBe('edit');
    expect(loud.diagnostics.filter((d) => d.ruleId === 'links/missing-page').map((d) => d.file)).toEqual([
      'quiet.md',
    ]);
    expect(withoutCause(loud.diagnostics)).toEqual((await coldBuild(site)).diagnostics);
  });

  it('a data file edit runs the whole build, rendering only the pages that read it', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    editFile(site, '_data/colors.yml', '- green', '- blue');
    const r = await builder.rebuild({ changed: ['_data/colors.yml'] });
    expect(r.rebuild.mode).toBe('full');
    expect(r.rebuild.rendered).toEqual(['delta.md']);
    expect(fs.readFileSync(path.join(destination, 'delta.html'), 'utf8')).toContain('blue');
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
  });

  it('a config edit runs the whole build with the new config', async () => {
    const site = editSite();
    fs.appendFileSync(path.join(site, '_layouts/plain.html'), '<p>{{ site.title }}</p>\n');
    const { builder, destination } = await startBuilder(site);
    editFile(site, '_config.yml', 'title: Builder test', 'title: Builder renamed');
    const r = await builder.rebuild({ changed: ['_config.yml'] });
    expect(r.rebuild.mode).toBe('full');
    expect(r.rebuild.why).toContain('_config.yml is a config file');
    expect(fs.readFileSync(path.join(destination, 'gamma.html'), 'utf8')).toContain('Builder renamed');
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
  });

  it('a front matter edit runs the whole build and says why', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    editFile(site, 'beta.md', 'title: Beta', 'title: Beta two');
    const r = await builder.rebuild({ changed: ['beta.md'] });
    expect(r.rebuild.mode).toBe('full');
    expect(r.rebuild.why).toContain('front matter of beta.md');
    expect(r.rebuild.rendered).toEqual(['beta.md', 'list.md']);
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
  });

  it('deleting and adding pages runs the whole build; the output equals a fresh build', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    fs.rmSync(path.join(site, 'beta.md'));
    const gone = await builder.rebuild({ changed: ['beta.md'] });
    expect(gone.rebuild.mode).toBe('full');
    expect(fs.existsSync(path.join(destination, 'beta.html'))).toBe(false);
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
    writeFiles(site, { 'epsilon.md': '---\ntitle: Epsilon\nlayout: plain\n---\nNew page.\n' });
    const added = await builder.rebuild({ changed: ['epsilon.md'] });
    expect(added.rebuild.mode).toBe('full');
    expect(added.rebuild.rendered).toEqual(['epsilon.md', 'list.md']);
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
  });

  it('a page that starts failing is reported and the site is left as it was', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site);
    const good = hashTree(destination);
    editFile(site, 'beta.md', 'Beta text.', 'Beta {% if %} text.');
    const r = await builder.rebuild({ changed: ['beta.md'] });
    expect(r.written).toBe(false);
    expect(r.diagnostics.some((d) => d.file === 'beta.md' && d.severity === 'error')).toBe(true);
    expect(hashTree(destination)).toBe(good);
    editFile(site, 'beta.md', 'Beta {% if %} text.', 'Beta text, fixed.');
    const fixed = await builder.rebuild({ changed: ['beta.md'] });
    expect(fixed.written).toBe(true);
    expect(hashTree(destination)).toBe((await coldBuild(site)).tree);
  });

  it('with checks off, an edit still renders and writes only what changed', async () => {
    const site = editSite();
    const { builder, destination } = await startBuilder(site, { check: false });
    editFile(site, '_includes/tip.md', 'A tip.', 'A better tip.');
    const r = await builder.rebuild({ changed: ['_includes/tip.md'] });
    expect(r.rebuild.rendered).toEqual(['alpha.md']);
    expect(r.rebuild.rechecked).toEqual([]);
    expect(hashTree(destination)).toBe((await coldBuild(site, { check: false })).tree);
  });

  it('a finding inside an include used by several pages stays one finding listing the pages', async () => {
    const site = path.join(tempDir(), 'site');
    writeFiles(site, {
      '_config.yml': 'title: Shared finding\n',
      '_includes/menu.md': '[missing](/no-such-page.html)\n',
      'one.md': '---\ntitle: One\n---\nOne.\n\n{% include menu.md %}\n',
      'two.md': '---\ntitle: Two\n---\nTwo.\n\n{% include menu.md %}\n',
    });
    const { builder } = await startBuilder(site);
    editFile(site, 'one.md', 'One.', 'One, edited.');
    const r = await builder.rebuild({ changed: ['one.md'] });
    expect(r.rebuild.mode).toBe('edit');
    const found = r.diagnostics.filter((d) => d.ruleId === 'links/missing-page');
    expect(found.map((d) => [d.file, d.pages])).toEqual([['_includes/menu.md', ['one.md', 'two.md']]]);
    expect(withoutCause(r.diagnostics)).toEqual((await coldBuild(site)).diagnostics);
  });
});
