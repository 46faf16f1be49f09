import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { diagnosticLines, tempDir, writeFiles } from '../build/helpers.js';

describe('facts from layouts', () => {
  it('report what a layout writes at its own lines, before and after a long page content', async () => {
    const source = path.join(tempDir(), 'site');
    const content = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the guide, long enough.`).join(
      '\n\n',
    );
    writeFiles(source, {
      '_config.yml': 'title: Layout facts\n',
      '_layouts/default.html': [
        '<html><body>',
        '<a href="/before-gone.html">before</a>',
        '<main>{{ content }}</main>',
        '<p id="after">after</p>',
        '<a href="/after-gone.html">after</a>',
        '</body></html>',
        '',
      ].join('\n'),
      'guide.md': `---\ntitle: Guide\nlayout: default\n---\n${content}\n\n<p id="after">again</p>\n\n[gone](/in-page-gone.html)\n`,
    });
    const result = await build({ source, write: false, theme: false });
    expect(diagnosticLines(result.diagnostics)).toEqual([
      '_layouts/default.html:2:1 error links/missing-page page /before-gone.html does not exist',
      '_layouts/default.html:4:1 warning html/duplicate-id id "after" is used again on /guide.html (first at guide.md:85)',
      '_layouts/default.html:5:1 error links/missing-page page /after-gone.html does not exist',
      'guide.md:87:1 error links/missing-page page /in-page-gone.html does not exist',
    ]);
  });
});
