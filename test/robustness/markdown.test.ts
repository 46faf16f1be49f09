import { describe, expect, it } from 'vitest';
import { listTree } from '../build/helpers.js';
import { buildWs, errorsAt, expectUntouched, snapshotHashes, workspace } from './workspace.js';

/** Seconds one page may take, measured between progress callbacks (generous: CI machines are shared). */
const PAGE_BUDGET_MS = 5_000;
const MiB = 1024 * 1024;

const page = (body: string, front = '') => `---\n${front}---\n${body}`;

/** The hostile pages, generated (several are megabytes); each either renders or fails alone. */
function hostilePages(): Record<string, string | Uint8Array> {
  const nestedList = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n');
  const backticks = Array.from({ length: 1000 }, (_, i) => '`'.repeat(i + 1)).join(' a ');
  return {
    '_config.yml': 'title: markdown\n',
    'ok.md': page('# Fine\n\ntext\n'),
    'deep-quotes.md': page(`${'>'.repeat(3000)} x\n`),
    'deep-quotes-spaced.md': page(`${'> '.repeat(3000)}x\n`),
    'deep-lists.md': page(`${nestedList}\n`),
    'deep-lists-inline.md': page(`${'- '.repeat(3000)}x\n`),
    'deep-html.md': page(`${'<div>'.repeat(5000)}\n`),
    'emphasis-run.md': page(`${'_'.repeat(50000)}a${'_'.repeat(50000)}\n`),
    'emphasis-mixed.md': page(`${'*a **b '.repeat(3000)}\n`),
    'backticks.md': page(`intro\n\n${backticks}\n`),
    'brackets.md': page(`${'['.repeat(50000)}a${']'.repeat(50000)}\n`),
    'big.md': page(`${'Twenty megabytes of words. '.repeat(Math.ceil((20 * MiB) / 27))}\n`),
    'big-raw.md': page(
      `${'Twenty megabytes of words. '.repeat(Math.ceil((20 * MiB) / 27))}\n`,
      'render_with_liquid: false\n',
    ),
    'nul.md': page('a\0b\n\n# head\0ing\n'),
    'invalid-utf8.md': Buffer.concat([
      Buffer.from(page('valid line\n\nbad ')),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' bytes\n'),
    ]),
    'bom.md': `\uFEFF${page('# {{ page.title }}\n', 'title: BOM\n')}`,
    'crlf.md': '---\r\ntitle: CRLF\r\n---\r\n# {{ page.title }}\r\n\r\ntext\r\nmore\r\n',
    'crlf-yaml-error.md': '---\r\ntitle: CRLF\r\nlist:\r\n  - a\r\n - b\r\n---\r\nbody\r\n',
  };
}

describe('Markdown: hostile pages render or fail alone, within a time budget', () => {
  it('each page renders or fails with a named error at its line; the rest of the site builds', async () => {
    const ws = snapshotHashes(workspace(null, hostilePages()));
    const times: number[] = [];
    let last = performance.now();
    const result = await buildWs(ws, {
      writeOnError: true,
      onProgress: () => {
        const now = performance.now();
        times.push(now - last);
        last = now;
      },
    });
    expect(Math.max(...times)).toBeLessThan(PAGE_BUDGET_MS);
    expect(errorsAt(result.diagnostics)).toEqual([
      'backticks.md:5:2273 markdown/delimiter-run',
      'big-raw.md:4:1 markdown/too-large',
      'big.md:3:1 liquid/limit',
      'brackets.md:3:1 markdown/delimiter-run',
      'crlf-yaml-error.md:5:2 frontmatter/yaml',
      'deep-html.md:3:1 markdown/too-deep',
      'deep-lists-inline.md:3:201 markdown/too-deep',
      'deep-lists.md:103:201 markdown/too-deep',
      'deep-quotes-spaced.md:3:201 markdown/too-deep',
      'deep-quotes.md:3:101 markdown/too-deep',
      'emphasis-run.md:3:1 markdown/delimiter-run',
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.ruleId)).toEqual([
      'read/invalid-utf8',
    ]);
    const w = result.diagnostics.find((d) => d.ruleId === 'read/invalid-utf8');
    expect([w?.file, w?.line, w?.column]).toEqual(['invalid-utf8.md', 5, 5]);
    const html = (p: string) => result.pages.find((x) => x.path === p)?.html;
    expect(html('ok.md')).toBe('<h1 id="fine">Fine</h1>\n<p>text</p>');
    expect(html('nul.md')).toBe('<p>a\uFFFDb</p>\n<h1 id="heading">head\uFFFDing</h1>');
    expect(html('invalid-utf8.md')).toBe('<p>valid line</p>\n<p>bad \uFFFD\uFFFD\uFFFD bytes</p>');
    expect(html('bom.md')).toBe('<h1 id="bom">BOM</h1>');
    expect(html('crlf.md')).toBe('<h1 id="crlf">CRLF</h1>\n<p>text\nmore</p>');
    expect(html('emphasis-mixed.md')?.length).toBeGreaterThan(0);
    expect(listTree(ws.dest)).toEqual([
      'bom.html',
      'crlf-yaml-error.html',
      'crlf.html',
      'emphasis-mixed.html',
      'invalid-utf8.html',
      'nul.html',
      'ok.html',
    ]);
    expectUntouched(ws);
  });

  it('a conversion that runs past markdown_time_limit is stopped; the page fails alone', async () => {
    const section = (i: number) =>
      `## Part ${i}\n\nSome *text* with a [link](/x/${i}) and \`code\`.\n\n- one\n- two\n\n`;
    const ws = snapshotHashes(
      workspace(null, {
        '_config.yml': 'markdown_time_limit: 100\n',
        'ok.md': page('# Fine\n'),
        'slow.md': page(Array.from({ length: 12_000 }, (_, i) => section(i)).join('')),
      }),
    );
    const times: number[] = [];
    let last = performance.now();
    const result = await buildWs(ws, {
      writeOnError: true,
      onProgress: () => {
        times.push(performance.now() - last);
        last = performance.now();
      },
    });
    expect(errorsAt(result.diagnostics)).toEqual(['slow.md:3:1 markdown/time-limit']);
    expect(result.diagnostics[0].message).toBe('Markdown conversion took longer than 100 ms and was stopped');
    expect(Math.max(...times)).toBeLessThan(PAGE_BUDGET_MS);
    expect(listTree(ws.dest)).toEqual(['ok.html']);
    expectUntouched(ws);
  });
});
