import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildFixture,
  buildSite,
  copySite,
  expectDiagnostics,
  expectGolden,
  fixtureSite,
  invalidSite,
  listTree,
  readOut,
  writeFiles,
} from './helpers.js';

describe('_config.yml', () => {
  it('unknown keys are site.*; include/exclude; markdown_ext', async () => {
    const { result, dest } = await buildFixture('config');
    expect(result.diagnostics).toEqual([]);
    expectGolden('config', dest);
    expect(listTree(dest)).toEqual([
      '.htaccess',
      'index.html',
      'override.yml',
      'page.html',
      'readme.markdown',
    ]);
  });

  it('node_modules is excluded by default (created at run time: git ignores node_modules)', async () => {
    const site = copySite(fixtureSite('config'));
    writeFiles(site, {
      'node_modules/pkg/index.js': 'module.exports = 1;\n',
      'node_modules/pkg/page.html': '---\n---\nx\n',
    });
    const { result, dest } = await buildSite(site);
    expect(result.diagnostics).toEqual([]);
    expect(listTree(dest).filter((f) => f.startsWith('node_modules'))).toEqual([]);
  });

  it('markdown_ext decides which files are Markdown', async () => {
    const { dest } = await buildFixture('config');
    expect(readOut(dest, 'page.html')).toContain('<p>A <em>mdown</em> page.</p>');
    expect(readOut(dest, 'readme.markdown')).toBe('Not *converted*: Config fixture\n');
  });

  it('--config a.yml,b.yml merges in order, later files win', async () => {
    const site = fixtureSite('config');
    const { result, dest } = await buildFixture('config', {
      config: [path.join(site, '_config.yml'), path.join(site, 'override.yml')],
    });
    expect(result.diagnostics).toEqual([]);
    expect(readOut(dest, 'index.html')).toBe(
      'title=Overridden title gde=/guides/v2.0 mage=https://m2.example.com base=/base extra=from the second file nested=1+2\n' +
        'link=/base/x.html\n',
    );
  });

  it('the baseurl option overrides the config', async () => {
    const { dest } = await buildFixture('config', { baseurl: '/other/' });
    expect(readOut(dest, 'index.html')).toContain('base=/other ');
    expect(readOut(dest, 'index.html')).toContain('link=/other/x.html');
  });

  it('a named config file that does not exist is an error', async () => {
    const { result } = await buildFixture('config', { config: ['/nonexistent/galley.yml'] });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['config/missing', 'error']]);
    expect(result.written).toBe(false);
  });

  it('a type error names the property path', async () => {
    // cwd = the source, so the config file is `_config.yml` whether labelled from cwd or the source.
    const { result } = await buildSite(invalidSite('config-type'), { cwd: invalidSite('config-type') });
    expectDiagnostics('config-type', result.diagnostics);
    expect(result.written).toBe(false);
  });

  it('nav: keys are validated with their property path', async () => {
    const site = copySite(fixtureSite('basic'));
    writeFiles(site, {
      '_config.yml':
        'nav:\n  subgroup_order: alphabetic\n  toc:\n    cloud: 3\n  check_unlisted: "yes please"\n',
    });
    const { result } = await buildSite(site, { cwd: site });
    expect(result.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
      '_config.yml config/invalid nav.subgroup_order must be "string" or "numeric", got string "alphabetic"',
      '_config.yml config/invalid nav.toc.cloud must be the name of a file in _data/toc/, got number 3',
      '_config.yml config/invalid nav.check_unlisted must be true or false, got string "yes please"',
    ]);
  });
});
