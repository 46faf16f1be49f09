import { beforeAll, describe, expect, it } from 'vitest';
import { buildInvalid, expectDiagnostics, type FixtureBuild, listTree } from './helpers.js';

describe('include errors', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildInvalid('include-errors');
  });

  it('reports each problem at file:line:col with its rule id (expected-diagnostics.txt)', () => {
    expectDiagnostics('include-errors', built.result.diagnostics);
  });

  it('a missing include is an error at the page line and column', () => {
    const d = built.result.diagnostics.find((x) => x.file === 'guides/missing.md');
    expect(d).toMatchObject({ ruleId: 'liquid/include-missing', severity: 'error', line: 6, column: 13 });
  });

  it('refuses an include path leaving the includes folder', () => {
    const d = built.result.diagnostics.find((x) => x.file === 'outside.html');
    expect(d).toMatchObject({ ruleId: 'liquid/include-outside', severity: 'error', line: 3 });
  });

  it('stops an include cycle and names the chain, outermost first', () => {
    const d = built.result.diagnostics.find((x) => x.ruleId === 'liquid/include-cycle');
    expect(d?.chain).toEqual(['cycle.html:4', '_includes/a.html:1']);
  });

  it('an error inside a nested include names the include file and the chain', () => {
    const d = built.result.diagnostics.find((x) => x.file === '_includes/outer.html');
    expect(d).toMatchObject({ ruleId: 'liquid/include-missing', line: 2, column: 3 });
    expect(d?.chain).toEqual(['nested-error.html:3']);
  });

  it('other pages still render, but nothing is written', () => {
    expect(built.result.pages.find((p) => p.path === 'fine.html')?.html).toBe('ok\n');
    expect(built.result.pages.find((p) => p.path === 'cycle.html')?.html).toBeNull();
    expect(built.result.written).toBe(false);
    expect(listTree(built.dest)).toEqual([]);
  });
});
