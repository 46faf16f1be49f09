import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { copySite, fixtureSite, invalidSite, readOut, tempDir } from './helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), isTTY: false },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

// The CLI saves its render cache into the source (.galley-cache/): it builds copies of the fixtures,
// so the fixtures stay as committed and no test sees another's cache.
const SUMMARY =
  /^galley: (\d+) pages, (\d+) static files, (\d+) redirects in \d+\.\d\ds; (\d+) errors, (\d+) warnings; (.*)$/m;

describe('galley CLI', () => {
  it('exit 0 and a one-line summary for a good build', async () => {
    const c = capture();
    const dest = path.join(tempDir(), '_site');
    const code = await main(
      ['build', '--source', copySite(fixtureSite('basic')), '--destination', dest, '--no-theme'],
      c.io,
    );
    expect(code).toBe(0);
    const m = SUMMARY.exec(c.out());
    // The one warning: guide.md has empty front matter, so no title (frontmatter/missing-title).
    expect(m?.slice(1, 6)).toEqual(['2', '1', '0', '0', '1']);
    expect(m?.[6]).toBe(`wrote ${dest}`);
    expect(c.err()).toMatch(/^guide.md:1 warning guide.md has no title frontmatter\/missing-title\n/);
    expect(readOut(dest, 'index.html')).toBe('<h1>Basic site</h1>\n');
  });

  it('short options -s and -d work', async () => {
    const c = capture();
    const dest = path.join(tempDir(), '_site');
    expect(await main(['build', '-s', copySite(fixtureSite('basic')), '-d', dest, '--no-theme'], c.io)).toBe(
      0,
    );
    expect(fs.existsSync(path.join(dest, 'guide.html'))).toBe(true);
  });

  it('exit 1 with diagnostics on stderr as file:line:col severity message rule-id, with a code frame', async () => {
    const c = capture();
    const dest = path.join(tempDir(), '_site');
    const code = await main(
      [
        'build',
        '--source',
        copySite(invalidSite('include-errors')),
        '--destination',
        dest,
        '--no-theme',
        '--no-check',
      ],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.err()).toContain(
      'guides/missing.md:6:13 error include "nope.md" not found in the includes folder liquid/include-missing\n',
    );
    // The code frame shows the line with a caret under column 13.
    expect(c.err()).toMatch(/> 6 \| .*\{% include nope\.md %\}.*\n {6}\| {13}\^/);
    expect(c.out()).toMatch(/; 4 errors, 0 warnings; site not written\n$/);
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('--quiet prints errors only: no summary, no warnings', async () => {
    const c = capture();
    const dest = path.join(tempDir(), '_site');
    const code = await main(
      ['build', '--source', copySite(fixtureSite('layouts')), '--destination', dest, '--no-theme', '--quiet'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toBe('');
    expect(c.err()).toBe('');
  });

  it('without --quiet a warning is printed but the exit code stays 0', async () => {
    const c = capture();
    const dest = path.join(tempDir(), '_site');
    const code = await main(
      [
        'build',
        '--source',
        copySite(fixtureSite('layouts')),
        '--destination',
        dest,
        '--no-theme',
        '--no-check',
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.err()).toContain(
      'ghost.html:3 warning layout "nowhere" does not exist frontmatter/unknown-layout',
    );
    expect(c.out()).toMatch(/; 0 errors, 1 warnings; wrote /);
  });

  it('--config and --baseurl are passed through', async () => {
    const c = capture();
    const site = copySite(fixtureSite('config'));
    const dest = path.join(tempDir(), '_site');
    const code = await main(
      [
        'build',
        '--source',
        site,
        '--destination',
        dest,
        '--no-theme',
        '--config',
        `${path.join(site, '_config.yml')},${path.join(site, 'override.yml')}`,
        '--baseurl',
        '/cli',
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(readOut(dest, 'index.html')).toContain('title=Overridden title');
    expect(readOut(dest, 'index.html')).toContain('link=/cli/x.html');
  });

  it.each([
    [[]],
    [['serve']],
    [['build', '--bogus']],
    [['build', 'extra-positional']],
    [['build', '--source']],
  ])('exit 2 for bad usage: %j', async (argv) => {
    const c = capture();
    expect(await main(argv as string[], c.io)).toBe(2);
    expect(c.err()).toContain('usage: galley build');
  });

  it('--help prints usage and exits 0', async () => {
    const c = capture();
    expect(await main(['build', '--help'], c.io)).toBe(0);
    expect(c.out()).toContain('usage: galley build');
  });
});
