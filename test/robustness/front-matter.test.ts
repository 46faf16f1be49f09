import { describe, expect, it } from 'vitest';
import { listTree } from '../build/helpers.js';
import { buildWs, errorsAt, expectUntouched, snapshotHashes, workspace } from './workspace.js';

/** The classic "billion laughs": 9 levels of 9 aliases, under 500 bytes, 387 million values. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('front matter', () => {
  it('executable openers, YAML errors, unterminated and non-mapping front matter: errors at their lines', async () => {
    const ws = snapshotHashes(workspace('front-matter'));
    const g = globalThis as { __galleyPwned?: unknown };
    delete g.__galleyPwned;
    const result = await buildWs(ws);
    expect(errorsAt(result.diagnostics)).toEqual([
      'coffee.md:1:4 frontmatter/language',
      'javascript.md:1:4 frontmatter/language',
      'js.md:1:4 frontmatter/language',
      'list-front-matter.md:2:1 frontmatter/not-a-mapping',
      'scalar-front-matter.md:2:1 frontmatter/not-a-mapping',
      'space-js.md:1:5 frontmatter/language',
      'unterminated.md:1:1 frontmatter/unterminated',
      'upper-js.md:1:4 frontmatter/language',
      'yaml-error.md:6:2 frontmatter/yaml',
    ]);
    // Nothing ran, and with errors nothing was written.
    expect(g.__galleyPwned).toBeUndefined();
    expect(result.written).toBe(false);
    expect(listTree(ws.dest)).toEqual([]);
    expectUntouched(ws);
  });

  it('unterminated front matter never silently drops the body', async () => {
    const ws = snapshotHashes(workspace('front-matter'));
    const result = await buildWs(ws, { writeOnError: true });
    const page = result.pages.find((p) => p.path === 'unterminated.md');
    expect(page?.html).toContain('The body that must not vanish silently.');
    expectUntouched(ws);
  });

  it('a `...` closer ends the front matter as in Jekyll (found by the fuzz test)', async () => {
    const ws = snapshotHashes(workspace('front-matter'));
    const result = await buildWs(ws, { write: false });
    expect(result.pages.find((p) => p.path === 'dots-closer.md')?.html).toBe('<h1 id="dots">Dots</h1>');
    expectUntouched(ws);
  });

  it('__proto__, constructor and << keys cannot pollute prototypes', async () => {
    const ws = snapshotHashes(workspace('front-matter'));
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = await buildWs(ws, { writeOnError: true });
    expect(result.pages.find((p) => p.path === 'proto.md')?.html).toBe('<p>[][][1][]</p>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expectUntouched(ws);
  });

  it('published: false and published: no pages are not written', async () => {
    const ws = snapshotHashes(workspace('front-matter'));
    await buildWs(ws, { writeOnError: true });
    const out = listTree(ws.dest);
    expect(out).toContain('proto.html');
    expect(out).not.toContain('unpublished.html');
    expect(out).not.toContain('unpublished-no.html');
    expectUntouched(ws);
  });

  it("dates do not shift with the machine's time zone", async () => {
    const ws = snapshotHashes(workspace('front-matter'));
    const zone = process.env.TZ;
    const seen: string[] = [];
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        const result = await buildWs(ws, { write: false });
        seen.push(result.pages.find((p) => p.path === 'dates.md')?.html ?? '');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(new Set(seen)).toEqual(
      // A line with `|` is a one-row table in kramdown (checked with kramdown 2.4, GFM input).
      new Set([
        '<table><tbody><tr><td>2024-03-10 00:00</td><td>2024-03-11 07:30</td><td>2024-03-10T00:00:00+00:00</td></tr></tbody></table>',
      ]),
    );
    expectUntouched(ws);
  });

  it('a 478-byte alias bomb is rejected in under a second, at the line of its first alias', async () => {
    const text = `---\ntitle: bomb\n${ALIAS_BOMB}\n---\n{{ page | jsonify }}\n`;
    expect(ALIAS_BOMB.length).toBeLessThan(500);
    const ws = snapshotHashes(workspace(null, { 'bomb.md': text, 'ok.md': '---\n---\nok\n' }));
    const started = performance.now();
    const result = await buildWs(ws, { writeOnError: true });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errorsAt(result.diagnostics)).toEqual(['bomb.md:4:8 frontmatter/yaml']);
    expect(result.diagnostics[0].message).toMatch(/aliases/);
    expect(listTree(ws.dest)).toEqual(['bomb.html', 'ok.html']);
    expectUntouched(ws);
  });
});
