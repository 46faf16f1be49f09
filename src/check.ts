import path from 'node:path';
import { type BuildOptions, type BuildResult, build } from './build.js';
import { applyRuleSettings } from './check/apply-rule-settings.js';
import { DEFAULT_CHECK_CONFIG } from './check/check-config.js';
import { checkHtmlFolder } from './check/check-html.js';
import { inlineIgnores } from './check/inline-ignores.js';
import { resolveConfig } from './config/resolve-config.js';
import { type Diagnostic, sortDiagnostics } from './diagnostics.js';
import { readConfigFiles } from './read/read-config.js';
import { readHtmlFolder } from './read/read-html-folder.js';

/** Builds the site in memory and checks it; writes nothing. */
export function check(options: Omit<BuildOptions, 'write' | 'check'> = {}): Promise<BuildResult> {
  return build({ ...options, write: false, check: true });
}

export interface CheckHtmlOptions {
  /** Folder of built HTML, e.g. `_site`. */
  dir: string;
  /** Served path of the folder ("" or "/docs"). */
  baseurl?: string;
  /** Config files whose `check:`, `baseurl` and `url` apply. */
  config?: string[];
  cwd?: string;
}

export interface CheckHtmlResult {
  diagnostics: Diagnostic[];
  pages: number;
  elapsedMs: number;
}

/** Checks a folder of HTML that Galley did not build; positions are in the HTML files. */
export async function checkHtml(options: CheckHtmlOptions): Promise<CheckHtmlResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const dir = path.resolve(cwd, options.dir);
  let settings = { check: DEFAULT_CHECK_CONFIG, baseurl: '', url: '' };
  const diagnostics: Diagnostic[] = [];
  if (options.config?.length) {
    const read = await readConfigFiles(options.config, cwd, cwd);
    const resolved = resolveConfig(read.documents, cwd, {});
    diagnostics.push(...read.diagnostics, ...resolved.diagnostics);
    settings = resolved.config;
  }
  const folder = await readHtmlFolder(dir);
  const found = checkHtmlFolder(folder, {
    baseurl: options.baseurl ?? settings.baseurl,
    url: settings.url,
    check: settings.check,
  });
  const ignores = inlineIgnores(folder.html.map((f) => ({ file: f.path, text: f.text, lineOffset: 0 })));
  diagnostics.push(...applyRuleSettings(found, settings.check, ignores));
  return {
    diagnostics: sortDiagnostics(diagnostics),
    pages: folder.html.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}
