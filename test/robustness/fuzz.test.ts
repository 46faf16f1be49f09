/**
 * Property test: random Markdown, front matter and Liquid fragments go through the whole page
 * pipeline (read, split, Liquid, Markdown, layouts). No exception escapes, nothing hangs, and every
 * page that fails is explained by an error diagnostic with a file, line and column.
 *
 * The seed is fixed so CI is reproducible; set GALLEY_FUZZ_SEED to another number (or `random`)
 * and GALLEY_FUZZ_RUNS to explore further.
 */

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSeverityOf } from '../../src/check/run-checks.js';
import { hashTree } from '../build/helpers.js';
import { buildWs, snapshotHashes, workspace, writeAll } from './workspace.js';

const SEED =
  process.env.GALLEY_FUZZ_SEED === 'random' ? undefined : Number(process.env.GALLEY_FUZZ_SEED ?? 20261126);
const RUNS = Number(process.env.GALLEY_FUZZ_RUNS ?? 60);
const PAGE_BUDGET_MS = 5_000;

const FRONT_MATTER_LINES = [
  'title: Fuzz',
  'title: "quoted: value"',
  'layout: default',
  'layout: loop',
  'layout: missing',
  'permalink: /fuzz/:title/',
  'permalink: ../../x',
  'permalink: /%2e%2e/x',
  'published: no',
  'render_with_liquid: false',
  'tags: [a, b',
  'a: &a [1, 2]',
  'b: [*a, *a]',
  'c: *nope',
  '__proto__: {polluted: yes}',
  '<<: {x: 1}',
  'date: 2024-13-45',
  'date: 2024-02-29 12:00:00 +05:30',
  '- list item',
  'just a scalar',
  ': :',
  '  indented: x',
  'key: |',
  '  block text',
  '\tindented with a tab',
  'redirect_from: [/old/]',
  'redirect_to: https://example.com/',
];

const OPENERS = ['---', '---', '---', '---js', '--- yaml', '---\r', '﻿---'];
const CLOSERS = ['---', '---', '...', ''];

const BODY_FRAGMENTS = [
  '# Heading',
  '## Heading {#custom}',
  '> ',
  '- ',
  '1. ',
  '* ',
  '```',
  '```ruby',
  '~~~',
  '`',
  '``',
  '*',
  '**',
  '_',
  '[link](/x)',
  '[ref][r]',
  '[r]: /target',
  '![img](a.png){:width="10"}',
  '<div markdown="1">',
  '</div>',
  '<span>',
  '<!-- ',
  '-->',
  '{:.cls}',
  '{: #id .c}',
  '{:toc}',
  '* TOC',
  '| a | b |',
  '|---|---|',
  '[^1]',
  '[^1]: note',
  '*[HTML]: Hyper',
  '    code',
  '&amp; &nbsp; &#0;',
  '\0',
  '\uFFFD',
  '\r\n',
  '\n',
  '\n\n',
  'é ı İ ß',
  '{{ page.title }}',
  '{{ page.constructor }}',
  '{{ site | jsonify }}',
  '{{ page | inspect }}',
  '{{',
  '}}',
  '{%',
  '%}',
  '{% if page.title %}',
  '{% endif %}',
  '{% for i in (1..3) %}',
  '{% endfor %}',
  '{% for i in (1..100000000) %}{{ i }}{% endfor %}',
  '{% include x.html %}',
  '{% include self.html %}',
  '{% include ../secret %}',
  '{% include {{ page.title }} %}',
  '{% include_relative ../x %}',
  '{% raw %}',
  '{% endraw %}',
  '{% comment %}',
  '{% endcomment %}',
  '{% capture c %}',
  '{% endcapture %}',
  '{% assign a = "x" | append: a %}',
  '{{ "**x**" | markdownify }}',
  '{{ "x" | date: "%Y" }}',
  '{% highlight ruby %}',
  '{% endhighlight %}',
  '{% link nope.md %}',
  '{% unknown_tag %}',
];

const line = fc.oneof(fc.constantFrom(...FRONT_MATTER_LINES), fc.string({ maxLength: 20 }));
const frontMatter = fc.option(
  fc
    .tuple(fc.constantFrom(...OPENERS), fc.array(line, { maxLength: 6 }), fc.constantFrom(...CLOSERS))
    .map(([open, lines, close]) => [open, ...lines, close].join('\n')),
  { nil: '' },
);
const body = fc
  .tuple(
    fc.array(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BODY_FRAGMENTS) }, fc.string({ maxLength: 12 })),
      { maxLength: 40 },
    ),
    fc.constantFrom('', ' ', '\n'),
  )
  .map(([parts, separator]) => parts.join(separator));
const pageText = fc.tuple(frontMatter, body).map(([fm, b]) => (fm ? `${fm}\n${b}` : `---\n---\n${b}`));
const pages = fc.array(fc.tuple(fc.constantFrom('md', 'html', 'markdown'), pageText), {
  minLength: 1,
  maxLength: 3,
});
const include = fc.array(fc.constantFrom(...BODY_FRAGMENTS), { maxLength: 8 }).map((p) => p.join(' '));

describe('fuzzing the page pipeline', () => {
  it('no uncaught exception, no hang, every failure a diagnostic with file, line and column', async () => {
    const ws = workspace(null, {
      '_config.yml': 'title: fuzz\nliquid:\n  render_limit: 500\n  memory_limit: 5000000\n',
      '_layouts/default.html': '<main>{{ content }}</main>\n',
      '_layouts/loop.html': '---\nlayout: loop\n---\n{{ content }}\n',
      '_includes/self.html': '{% include self.html %}\n',
    });
    snapshotHashes(ws);
    await fc.assert(
      fc.asyncProperty(pages, include, async (list, inc) => {
        for (const f of fs.readdirSync(ws.site)) if (f.startsWith('page-')) fs.rmSync(path.join(ws.site, f));
        const files: Record<string, string> = { '_includes/x.html': inc };
        list.forEach(([ext, text], i) => {
          files[`page-${i}.${ext}`] = text;
        });
        writeAll(ws.site, files);
        let last = performance.now();
        let slowest = 0;
        const result = await buildWs(ws, {
          write: false,
          // The checker runs too: random pages must not crash it either.
          check: true,
          onProgress: () => {
            slowest = Math.max(slowest, performance.now() - last);
            last = performance.now();
          },
        });
        expect(slowest).toBeLessThan(PAGE_BUDGET_MS);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        // Pipeline errors have file, line and column; checker findings a file and line (their column
        // is left out when a Liquid tag wrote the text, rather than guessed).
        const unplaced = errors
          .filter((d) => {
            const needsColumn = defaultSeverityOf(d.ruleId) === undefined;
            return !/\S/.test(d.file) || (d.line ?? 0) < 1 || (needsColumn && (d.column ?? 0) < 1);
          })
          .map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
        expect(unplaced).toEqual([]);
        for (const p of result.pages) {
          if (p.html === null) expect(errors.length, `${p.path} failed without an error`).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The fuzzer rewrites the site's pages on purpose; the canary folder beside it must not change.
    expect(hashTree(ws.canary)).toBe(ws.hashes.canary);
  }, 90_000);
});
