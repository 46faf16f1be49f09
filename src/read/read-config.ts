import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConfigDocument } from '../config/resolve-config.js';
import { isRecord } from '../config/resolve-config.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { parseYaml, YamlError } from './parse-yaml.js';

/**
 * Reads the config files: the given list (relative to `cwd`, merged in order), or the source's
 * `_config.yml` / `_config.yaml` when none is given. A missing default file is fine; a missing
 * named file or a file that is not a YAML mapping is an error.
 */
export async function readConfigFiles(
  files: readonly string[] | undefined,
  cwd: string,
  source: string,
): Promise<{ documents: ConfigDocument[]; diagnostics: Diagnostic[] }> {
  const documents: ConfigDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let candidates: { file: string; required: boolean }[];
  if (files?.length) candidates = files.map((f) => ({ file: path.resolve(cwd, f), required: true }));
  else {
    const yml = path.join(source, '_config.yml');
    const yaml = path.join(source, '_config.yaml');
    candidates = [{ file: (await fs.stat(yml).catch(() => null)) ? yml : yaml, required: false }];
  }
  for (const { file, required } of candidates) {
    const label = path.relative(cwd, file) || file;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      if (required) diagnostics.push(diagnostic('config/missing', 'error', label, 'config file not found'));
      continue;
    }
    try {
      const value = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, label);
      if (value === null || value === undefined) documents.push({ file: label, data: {} });
      else if (isRecord(value)) documents.push({ file: label, data: value });
      else
        diagnostics.push(
          diagnostic('config/invalid', 'error', label, 'config must be a mapping of keys to values', {
            line: 1,
          }),
        );
    } catch (error) {
      diagnostics.push(
        diagnostic('config/yaml', 'error', label, `invalid config: ${(error as Error).message}`, {
          line: error instanceof YamlError ? error.line : undefined,
          column: error instanceof YamlError ? error.column : undefined,
        }),
      );
    }
  }
  return { documents, diagnostics };
}
