import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, checkHtml } from '../../src/check.js';
import { main } from '../../src/cli.js';
import { diagnosticLines, tempDir, writeFiles } from '../build/helpers.js';

const PAGES = {
  'guides/a.md': '---\ntitle: A\n---\nSee [b](b.html) and [c](c.html).\n',
  'legacy/old.md': '---\ntitle: Old\n---\nSee [gone](gone.html).\n',
  'guides/ignored.md':
    '---\ntitle: Ignored\n---\n<!-- galley-ignore links/missing-page -->\nSee [x](x.html).\nSee [y](y.html). <!-- galley-ignore -->\nSee [z](z.html).\n',
};

function site(config: string, files: Record<string, string> = PAGES): string {
  const dir = path.join(tempDir(), 'site');
  writeFiles(dir, { '_config.yml': config, ...files });
  return dir;
}

describe('check configuration', () => {
  it('defaults: every broken link is an error; inline comments silence one line', async () => {
    const result = await check({ source: site('baseurl: ""\n'), theme: false });
    expect(diagnosticLines(result.diagnostics)).toEqual([
      'guides/a.md:4:5 error links/missing-page page b.html does not exist (it resolves to /guides/b.html)',
      'guides/a.md:4:21 error links/missing-page page c.html does not exist (it resolves to /guides/c.html)',
      'guides/ignored.md:7:5 error links/missing-page page z.html does not exist (it resolves to /guides/z.html)',
      'legacy/old.md:4:5 error links/missing-page page gone.html does not exist (it resolves to /legacy/gone.html)',
    ]);
  });

  it('check.rules sets severities, overrides apply by path, ignore_urls skips URLs', async () => {
    const config = [
      'check:',
      '  rules:',
      '    links/missing-page: warning',
      '  ignore_urls: ["c.html", "/^x/"]',
      '  overrides:',
      '    - paths: legacy/**',
      '      rules:',
      '        links/*: off',
      '',
    ].join('\n');
    const result = await check({ source: site(config), theme: false });
    expect(diagnosticLines(result.diagnostics)).toEqual([
      'guides/a.md:4:5 warning links/missing-page page b.html does not exist (it resolves to /guides/b.html)',
      'guides/ignored.md:7:5 warning links/missing-page page z.html does not exist (it resolves to /guides/z.html)',
    ]);
  });

  it('bad check settings are config errors naming the property path', async () => {
    const result = await check({
      source: site('check:\n  rules:\n    links/missing-page: loud\n  overrides: [3]\n'),
      theme: false,
    });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'check.rules.links/missing-page must be one of off, info, warning, error',
      'check.overrides[0] must be a mapping with paths and rules',
    ]);
  });

  it('galley build writes a complete site despite broken links, and exits 1; --no-check exits 0', async () => {
    const source = site('baseurl: ""\n');
    const dest = path.join(tempDir(), '_site');
    const io = { out: () => {}, err: () => {}, isTTY: false };
    expect(await main(['build', '-s', source, '-d', dest, '--no-theme'], io)).toBe(1);
    expect(fs.existsSync(path.join(dest, 'guides', 'a.html'))).toBe(true);
    expect(await main(['build', '-s', source, '-d', dest, '--no-theme', '--no-check'], io)).toBe(0);
  });

  it('galley check writes nothing and prints the chosen format', async () => {
    const source = site('baseurl: ""\n');
    let out = '';
    const io = { out: (s: string) => (out += s), err: () => {}, isTTY: false };
    expect(await main(['check', '-s', source, '--no-theme', '--format', 'json'], io)).toBe(1);
    expect(fs.existsSync(path.join(source, '_site'))).toBe(false);
    expect(JSON.parse(out).map((d: { ruleId: string }) => d.ruleId)).toEqual(
      Array(4).fill('links/missing-page'),
    );
  });
});

describe('galley check --html', () => {
  it('checks a built folder with positions in the HTML, baseurl aware', async () => {
    const dir = path.join(tempDir(), '_site');
    writeFiles(dir, {
      'index.html':
        '<html><body>\n<a href="/docs/guide/">guide</a>\n<a href="/docs/guide/#intro">intro</a>\n</body></html>\n',
      'guide/index.html':
        '<h1 id="start">Guide</h1>\n<img src="missing.png">\n<a href="../index.html#nope">back</a>\n',
      'style.css': 'body{}',
    });
    const result = await checkHtml({ dir, baseurl: '/docs' });
    expect(result.pages).toBe(2);
    expect(diagnosticLines(result.diagnostics)).toEqual([
      'guide/index.html:2:1 error links/missing-page image missing.png does not exist (it resolves to /docs/guide/missing.png)',
      'guide/index.html:3:1 error links/missing-anchor #nope is not an id on /docs/index.html',
      'index.html:3:1 error links/missing-anchor #intro is not an id on /docs/guide/index.html',
    ]);
  });
});
