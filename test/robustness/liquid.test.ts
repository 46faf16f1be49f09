import { describe, expect, it } from 'vitest';
import { DEFAULT_LIQUID_LIMITS } from '../../src/config/site-config.js';
import { listTree } from '../build/helpers.js';
import { buildWs, errorsAt, expectUntouched, snapshotHashes, workspace } from './workspace.js';

describe('Liquid', () => {
  it('include and layout cycles stop with the chain; runaway templates stop at the limits', async () => {
    const ws = snapshotHashes(workspace('liquid'));
    const started = performance.now();
    const result = await buildWs(ws, { writeOnError: true });
    // Limits in this site: render_limit 1000 ms, memory_limit 10 million.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(errorsAt(result.diagnostics)).toEqual([
      '_includes/b.html:3:1 liquid/include-cycle',
      '_includes/self.html:1:6 liquid/include-cycle',
      '_layouts/two.html:2:1 layout/cycle',
      'huge-range.md:3:1 liquid/limit',
      'long-loop.md:4:26 liquid/limit',
      'runaway-output.md:4:23 liquid/limit',
    ]);
    const byFile = new Map(result.diagnostics.map((d) => [d.file, d]));
    expect(byFile.get('_includes/b.html')?.chain).toEqual(['include-cycle.md:4', '_includes/a.html:2']);
    expect(byFile.get('_includes/b.html')?.message).toBe(
      'include cycle: include-cycle.md -> _includes/a.html -> _includes/b.html -> _includes/a.html',
    );
    expect(byFile.get('_includes/self.html')?.chain).toEqual(['self-include.md:4']);
    expect(byFile.get('_layouts/two.html')?.message).toBe('layout cycle: one -> two -> one');
    expect(byFile.get('_layouts/two.html')?.chain).toEqual([
      'layout-cycle.md',
      '_layouts/one.html',
      '_layouts/two.html',
    ]);
    expect(byFile.get('huge-range.md')?.message).toMatch(/memory/);
    expect(byFile.get('long-loop.md')?.message).toMatch(/render limit/);
    expect(byFile.get('runaway-output.md')?.message).toMatch(/memory/);
    // The other pages still build.
    expect(listTree(ws.dest)).toEqual(['ok.html', 'prototypes.html']);
    expectUntouched(ws);
  });

  it('templates cannot reach object prototypes', async () => {
    const ws = snapshotHashes(workspace('liquid'));
    const result = await buildWs(ws, { write: false });
    // Every probe prints nothing, except `length`, an own property of strings.
    // The probes are separated by `|`, so kramdown reads the line as a one-row table.
    const cells = ['[', '', '', '', '', '', '', '', '', '1', ']'].map((c) => `<td>${c}</td>`).join('');
    expect(result.pages.find((p) => p.path === 'prototypes.md')?.html).toBe(
      `<table><tbody><tr>${cells}</tr></tbody></table>`,
    );
    expectUntouched(ws);
  });

  it('a template longer than parse_limit stops at parsing, with the file and line', async () => {
    const ws = snapshotHashes(
      workspace(null, {
        '_config.yml': 'liquid:\n  parse_limit: 10000\n',
        'long.md': `---\n---\n${'{{ page.title }} words '.repeat(1000)}\n`,
        'ok.md': '---\n---\nok\n',
      }),
    );
    const result = await buildWs(ws, { writeOnError: true });
    expect(errorsAt(result.diagnostics)).toEqual(['long.md:3:1 liquid/limit']);
    expect(listTree(ws.dest)).toEqual(['ok.html']);
    expectUntouched(ws);
  });

  it('has sensible default limits', () => {
    expect(DEFAULT_LIQUID_LIMITS.parseLimit).toBeGreaterThan(1_000_000);
    expect(DEFAULT_LIQUID_LIMITS.renderLimit).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_LIQUID_LIMITS.memoryLimit).toBeLessThanOrEqual(1_000_000_000);
  });
});
