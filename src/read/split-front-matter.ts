import { isRecord } from '../config/resolve-config.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { parseYaml, YamlError } from './parse-yaml.js';

/** A file split into its front matter and body. */
export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts (front matter lines are counted). */
  bodyLine: number;
  /** 1-based file line of each top-level front matter key, for messages about a key. */
  keyLines: Record<string, number>;
  diagnostics: Diagnostic[];
}

// The opening line must be exactly `---`. A language after it (`---js`, `--- javascript`) is
// refused: gray-matter would pick an engine from it and evaluate the front matter.
const OPENER = /^---[ \t]*\r?\n/;
const LANGUAGE_OPENER = /^---[ \t]*(\S+)[ \t]*\r?\n/;

/**
 * Splits front matter from the body. Only YAML is accepted; a language opener (`---js`) is an error
 * at line 1 and nothing is evaluated. YAML errors are reported at the line of the file. Returns
 * null when the file has no front matter (Jekyll copies such files as they are).
 */
export function splitFrontMatter(text: string, file: string): SplitFile | null {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lang = LANGUAGE_OPENER.exec(source);
  if (lang && !OPENER.test(source)) {
    return {
      data: {},
      body: '',
      bodyLine: 1,
      keyLines: {},
      diagnostics: [
        diagnostic(
          'frontmatter/language',
          'error',
          file,
          `front matter language "${lang[1]}" is not supported`,
          {
            line: 1,
            column: source.indexOf(lang[1]) + 1,
            hint: 'Galley reads YAML front matter only; start the file with a line holding just `---`',
          },
        ),
      ],
    };
  }
  if (!OPENER.test(source)) return null;

  const closing = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source.slice(3));
  if (!closing) {
    return {
      data: {},
      body: source,
      bodyLine: 1,
      keyLines: {},
      diagnostics: [
        diagnostic(
          'frontmatter/unterminated',
          'error',
          file,
          'front matter is never closed with a `---` line',
          {
            line: 1,
            column: 1,
            hint: 'add a line holding just `---` after the last front matter key',
          },
        ),
      ],
    };
  }
  // Split here rather than with gray-matter: it only closes on `---`, so a `...` closer (which
  // Jekyll accepts) would run the body into the YAML. The YAML text starts on file line 1, after
  // the opening `---`, so YAML line numbers are file line numbers.
  const yamlText = source.slice(3, 3 + closing.index);
  const bodyStart = 3 + closing.index + closing[0].length;
  const body = source.slice(bodyStart);
  const bodyLine = countLines(source, bodyStart) + 1;
  const diagnostics: Diagnostic[] = [];
  let data: Record<string, unknown> = {};
  try {
    const value = yamlText.trim() === '' ? {} : parseYaml(yamlText, file);
    if (value === null || value === undefined) data = {};
    else if (isRecord(value)) data = value;
    else {
      diagnostics.push(
        diagnostic(
          'frontmatter/not-a-mapping',
          'error',
          file,
          'front matter must be a mapping of keys to values',
          {
            line: 2,
            column: 1,
          },
        ),
      );
    }
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    diagnostics.push(
      diagnostic('frontmatter/yaml', 'error', file, `invalid YAML: ${error.message}`, {
        line: error.line ?? 2,
        column: error.column ?? 1,
        cause: error.cause,
      }),
    );
  }
  return { data, body, bodyLine, keyLines: topLevelKeyLines(yamlText), diagnostics };
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** File lines of top-level `key:` entries (the YAML text starts on file line 1). */
function topLevelKeyLines(yamlText: string): Record<string, number> {
  const lines: Record<string, number> = {};
  yamlText.split('\n').forEach((row, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(row);
    if (m && i > 0 && lines[m[1]] === undefined) lines[m[1]] = i + 1;
  });
  return lines;
}
