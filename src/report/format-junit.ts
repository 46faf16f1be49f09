import type { Diagnostic } from '../diagnostics.js';

/** JUnit XML for CI systems that show test reports: one test case per file, a failure per finding. */
export function formatJunit(diagnostics: readonly Diagnostic[]): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const failures = diagnostics.filter((d) => d.severity === 'error').length;
  const cases = [...byFile.entries()].map(([file, list]) => {
    const items = list.map((d) => {
      const where = `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`;
      const tag = d.severity === 'error' ? 'failure' : 'system-out';
      const body = `${where} ${d.message}${d.hint ? `\nhint: ${d.hint}` : ''}`;
      return tag === 'failure'
        ? `      <failure type="${xml(d.ruleId)}" message="${xml(d.message)}">${xml(body)}</failure>`
        : `      <system-out>${xml(`${d.severity} ${d.ruleId} ${body}`)}</system-out>`;
    });
    return [`    <testcase classname="galley.check" name="${xml(file)}">`, ...items, '    </testcase>'].join(
      '\n',
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="galley check" tests="${byFile.size}" failures="${failures}">`,
    `  <testsuite name="galley check" tests="${byFile.size}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot carry at all.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}
