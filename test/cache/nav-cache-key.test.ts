import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { buildWithCache, editFile, hashTree, readOut, tempDir, writeFiles } from '../build/helpers.js';

const SECTION = (order: number, subgroup: string, title: string, parent = false) =>
  `---\ngroup: tools\nsubgroup: ${subgroup}\ntitle: ${title}\nmenu_order: ${order}\n${parent ? 'menu_node: parent\n' : ''}---\nBody of ${title}.\n`;

/** Two sidebars (groups `tools` and `other`) and a page outside any group, under a layout printing the menu. */
function navSite(): string {
  const root = path.join(tempDir(), 'site');
  writeFiles(root, {
    '_config.yml':
      'title: Nav keys\ndefaults:\n  - scope:\n      path: ""\n    values:\n      layout: menu\n',
    '_layouts/menu.html': [
      '{{ content }}',
      '{% for a in page.nav %}- {{ a.title }}{% if a.open %} open{% endif %}{% if a.active %} ACTIVE{% endif %}',
      '{% for b in a.children %}  - {{ b.title }}{% if b.active %} ACTIVE{% endif %}',
      '{% endfor %}{% endfor %}previous: {{ page.previous.title }} next: {{ page.next.title }}',
      '',
    ].join('\n'),
    'tools/start.md': SECTION(1, '10_start', 'Start', true),
    'tools/install.md': SECTION(2, '10_start', 'Install'),
    'tools/upgrade.md': SECTION(3, '10_start', 'Upgrade'),
    'tools/reference.md': SECTION(1, '20_reference', 'Reference', true),
    'tools/options.md': SECTION(2, '20_reference', 'Options'),
    'other/intro.md': '---\ngroup: other\nsubgroup: 10_intro\ntitle: Intro\nmenu_node: parent\n---\nIntro.\n',
    'plain.md': '---\ntitle: Plain\n---\nNo menu here.\n',
  });
  return root;
}

const TOOLS = [
  'tools/install.md',
  'tools/options.md',
  'tools/reference.md',
  'tools/start.md',
  'tools/upgrade.md',
];

async function run(site: string) {
  const built = await buildWithCache(site, path.join(site, '_site'));
  expect(built.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return built;
}

/** The site a build without the cache writes from the same source. */
async function coldTree(site: string): Promise<string> {
  const dest = path.join(tempDir(), '_site');
  await build({ source: site, destination: dest, theme: false });
  return hashTree(dest);
}

describe('render cache keys of page.nav', () => {
  it('a build with nothing changed reuses every page, though each page has its own marked copy', async () => {
    const site = navSite();
    expect((await run(site)).rendered).toHaveLength(7);
    const warm = await run(site);
    expect(warm.rendered).toEqual([]);
    expect(warm.result.cache?.reused).toBe(7);
  });

  it('retitling a page in another section rebuilds every page of that sidebar, and only those', async () => {
    const site = navSite();
    await run(site);
    // Options is under Reference; Install's marked branch is Start, whose copy shares nothing with it.
    editFile(site, 'tools/options.md', 'title: Options', 'title: Settings');
    const after = await run(site);
    expect(after.rendered).toEqual(TOOLS);
    expect(readOut(path.join(site, '_site'), 'tools/install.html')).toContain('  - Settings\n');
    expect(hashTree(path.join(site, '_site'))).toBe(await coldTree(site));
  });

  it('reordering two pages rebuilds the sidebar, with the marks and neighbours a cold build gives', async () => {
    const site = navSite();
    await run(site);
    editFile(site, 'tools/install.md', 'menu_order: 2', 'menu_order: 4');
    const after = await run(site);
    expect(after.rendered).toEqual(TOOLS);
    expect(readOut(path.join(site, '_site'), 'tools/upgrade.html')).toContain(
      'previous: Start next: Install',
    );
    expect(hashTree(path.join(site, '_site'))).toBe(await coldTree(site));
  });

  it('moving a page to another section changes where the other pages are marked', async () => {
    const site = navSite();
    await run(site);
    editFile(site, 'tools/start.md', 'subgroup: 10_start', 'subgroup: 30_start');
    const after = await run(site);
    expect(after.rendered).toEqual(TOOLS);
    expect(readOut(path.join(site, '_site'), 'tools/options.html')).toMatch(/^- Reference open$/m);
    expect(hashTree(path.join(site, '_site'))).toBe(await coldTree(site));
  });
});
