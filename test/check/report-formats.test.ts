import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { formatGithub } from '../../src/report/format-github.js';
import { formatJson } from '../../src/report/format-json.js';
import { formatJunit } from '../../src/report/format-junit.js';
import { formatSarif } from '../../src/report/format-sarif.js';
import { codeFrame, formatTextReport } from '../../src/report/format-text-report.js';

const require = createRequire(import.meta.url);

const DIAGNOSTICS: Diagnostic[] = [
  {
    file: '_includes/cloud/hooks.md',
    line: 3,
    column: 12,
    ruleId: 'links/missing-page',
    severity: 'error',
    message: 'page /a//b.html does not exist',
    chain: ['guides/page.md:85'],
    hint: 'did you mean /a/b.html?',
  },
  {
    file: 'guides/page.md',
    line: 70,
    ruleId: 'baseurl/missing-slash',
    severity: 'warning',
    message: 'glued, "quoted" <x> & y',
  },
  { file: 'guides/other.md', ruleId: 'frontmatter/yaml', severity: 'info', message: 'whole-file note' },
];

describe('report formats', () => {
  it('text: position, severity, message, rule id, code frame, chain, hint and a summary by rule', () => {
    const text = formatTextReport(DIAGNOSTICS, (file) =>
      file === '_includes/cloud/hooks.md' ? 'one\ntwo\nSee [x]({{ a }}/b.html).\n' : undefined,
    );
    expect(text).toContain(
      '_includes/cloud/hooks.md:3:12 error page /a//b.html does not exist links/missing-page\n',
    );
    expect(text).toContain('    2 | two\n  > 3 | See [x]({{ a }}/b.html).\n      |            ^\n');
    expect(text).toContain('  included from guides/page.md:85\n  hint: did you mean /a/b.html?');
    expect(text).toMatch(/by rule:\n(.*\n)* +1 {2}error {3}links\/missing-page/);
    expect(codeFrame('a\nb', 9)).toBe('');
  });

  it('json: an array of plain diagnostics', () => {
    const parsed = JSON.parse(formatJson([{ ...DIAGNOSTICS[0], cause: new Error('x') }]));
    expect(parsed).toEqual([DIAGNOSTICS[0]]);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with regions and the include chain', () => {
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new (AjvDraft04 as unknown as typeof AjvDraft04.default)({
      allErrors: true,
      strict: false,
      unicodeRegExp: false,
    });
    const validate = ajv.compile(schema);
    // The validator is live: a run without its tool is refused.
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    const log = JSON.parse(formatSarif(DIAGNOSTICS, RULES, '0.1.0'));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [first, second, third] = log.runs[0].results;
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: '_includes/cloud/hooks.md' },
      region: { startLine: 3, startColumn: 12 },
    });
    expect(first.relatedLocations[0].physicalLocation.region).toEqual({ startLine: 85 });
    expect(second.level).toBe('warning');
    expect(third.level).toBe('note');
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'baseurl/missing-slash',
      'frontmatter/yaml',
      'links/missing-page',
    ]);
  });

  it('github: escaped workflow commands, capped, with every finding in the job summary', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...DIAGNOSTICS[1], line: i + 1 }));
    const { annotations, summary } = formatGithub([DIAGNOSTICS[0], ...many]);
    const lines = annotations.split('\n');
    expect(lines).toHaveLength(50);
    expect(lines[0]).toBe(
      '::error file=_includes/cloud/hooks.md,line=3,col=12,title=links/missing-page::page /a//b.html does not exist (included from guides/page.md:85). did you mean /a/b.html?',
    );
    expect(summary).toContain('61 findings (first 50 annotated)');
    expect(summary.match(/^\| warning \|/gm)).toHaveLength(60);
  });

  it('junit: escaped XML, errors as failures', () => {
    const xml = formatJunit(DIAGNOSTICS);
    expect(xml).toContain('<testsuite name="galley check" tests="3" failures="1">');
    expect(xml).toContain('<failure type="links/missing-page" message="page /a//b.html does not exist">');
    expect(xml).toContain('glued, &quot;quoted&quot; &lt;x&gt; &amp; y');
  });
});
