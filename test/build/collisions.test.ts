import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { buildInvalid, copySite, expectDiagnostics, invalidSite, listTree, tempDir } from './helpers.js';

// Jekyll silently lets the last writer win; Galley refuses, naming both sources.
describe('output collisions', () => {
  it('two pages, a page and a static file, and a redirect onto a page are errors naming both', async () => {
    const { result, dest } = await buildInvalid('collisions');
    expectDiagnostics('collisions', result.diagnostics);
    expect(result.written).toBe(false);
    expect(listTree(dest)).toEqual([]);
  });

  it('the collision diagnostic is at the permalink line of the second page', async () => {
    const { result } = await buildInvalid('collisions');
    const d = result.diagnostics.find((x) => x.file === 'b.html');
    expect(d).toMatchObject({ ruleId: 'output/collision', severity: 'error', line: 3 });
    expect(d?.message).toContain('a.html');
  });

  it('makes the CLI exit with 1', async () => {
    const err: string[] = [];
    // A copy: the CLI writes its render cache into the source.
    const code = await main(
      [
        'build',
        '--source',
        copySite(invalidSite('collisions')),
        '--destination',
        `${tempDir()}/_site`,
        '--no-theme',
      ],
      { out: () => {}, err: (s) => err.push(s), isTTY: false },
    );
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/b.html:3 error .* output\/collision/);
  });
});
