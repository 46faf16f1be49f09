import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isRecord } from '../config/resolve-config.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { parseYaml, YamlError } from './parse-yaml.js';
import type { FoundFile } from './walk-source.js';

/**
 * Loads `_data` files into `site.data`: `_data/a/b.yml` becomes `site.data.a.b`. YAML, JSON, CSV
 * and TSV are read; a file that fails to parse is reported at its line and left out. The text of
 * each YAML file is kept in `texts` (by source path) for messages at a line of it (TOC files).
 */
export async function readData(
  files: readonly FoundFile[],
  dataDir: string,
  diagnostics: Diagnostic[],
  texts?: Map<string, string>,
): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (const file of files) {
    const inner = file.relPath.slice(dataDir.length + 1);
    const ext = path.posix.extname(inner).toLowerCase();
    if (!['.yml', '.yaml', '.json', '.csv', '.tsv'].includes(ext)) continue;
    const text = await fs.readFile(file.absPath, 'utf8');
    if (ext === '.yml' || ext === '.yaml') texts?.set(file.relPath, text);
    let value: unknown;
    try {
      if (ext === '.json') value = JSON.parse(text);
      else if (ext === '.csv' || ext === '.tsv') value = parseDelimited(text, ext === '.csv' ? ',' : '\t');
      else value = parseYaml(text, file.relPath);
    } catch (error) {
      const line = error instanceof YamlError ? error.line : undefined;
      const column = error instanceof YamlError ? error.column : undefined;
      diagnostics.push(
        diagnostic(
          'data/invalid',
          'error',
          file.relPath,
          `cannot parse data file: ${(error as Error).message}`,
          { line, column },
        ),
      );
      continue;
    }
    const keys = inner.slice(0, -ext.length).split('/');
    let node = data;
    for (const key of keys.slice(0, -1)) {
      if (!isRecord(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = value;
  }
  return data;
}

/** CSV/TSV with a header row, as Jekyll reads them: a list of mappings. Quoted fields may hold separators and newlines. */
export function parseDelimited(text: string, sep: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header = [], ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
