import { describe, expect, it } from 'vitest';
import { resolveKramdownOptions } from '../../src/config/kramdown-options.js';
import { resolveConfig } from '../../src/config/resolve-config.js';

describe('the kramdown: config block', () => {
  it('reads kramdown option names, also with the leading colon of kramdown option files', () => {
    expect(
      resolveKramdownOptions({
        input: 'kramdown',
        ':auto_ids': false,
        auto_id_prefix: 'p-',
        toc_levels: '2..3',
        footnote_nr: 5,
        smart_quotes: 'apos,apos,quot,quot',
        syntax_highlighter: null,
        syntax_highlighter_opts: { default_lang: null },
        math_engine: null,
      }),
    ).toEqual({
      input: 'kramdown',
      autoIds: false,
      autoIdPrefix: 'p-',
      tocLevels: [2, 3],
      footnoteNr: 5,
      smartQuotes: ['apos', 'apos', 'quot', 'quot'],
      syntaxHighlighter: null,
      defaultLang: null,
      mathEngine: null,
    });
  });

  it('reports a bad value at its property path and keeps the default', () => {
    const problems: string[] = [];
    const options = resolveKramdownOptions({ input: 'markdown', footnote_nr: 'one' }, (key, message) =>
      problems.push(`${key} ${message}`),
    );
    expect(options).toEqual({});
    expect(problems).toEqual([
      'kramdown.input must be one of GFM, kramdown, got "markdown"',
      'kramdown.footnote_nr must be a whole number, got "one"',
    ]);
  });

  it('reaches the site config, with a diagnostic for a bad value', () => {
    const { config, diagnostics } = resolveConfig(
      [{ file: '_config.yml', data: { kramdown: { auto_ids: 'yes', hard_wrap: false } } }],
      '/site',
    );
    expect(config.kramdown).toEqual({ hardWrap: false });
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('kramdown.auto_ids must be true or false'),
    ]);
  });
});
