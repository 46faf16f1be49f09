#!/usr/bin/env node
// npm run parity: builds the Magento corpus slice (../shared/corpus/devdocs-v2.0) with Galley and
// the three Magento test plugins, then compares it page by page with Jekyll's output using
// ../shared/tools/parity.mjs. Extra arguments go to parity.mjs (e.g. --show 10, --json out.json).
//   GALLEY_PARITY_OUT=dir  build into dir instead of a temporary folder (kept afterwards).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const source = path.join(shared, 'corpus', 'devdocs-v2.0');
const reference = path.join(shared, 'corpus', 'devdocs-v2.0-jekyll');
if (!existsSync(source)) {
  console.error(`parity: ${source} not found; the corpus lives in ../shared beside the repository`);
  process.exit(2);
}

const { build, formatDiagnostic } = await import(path.join(root, 'dist', 'index.js'));
const plugins = await Promise.all(
  ['guide-baseurl', 'glossarytooltip', 'collapsible'].map(
    async (name) => (await import(path.join(root, 'test', 'plugins', 'magento', `${name}.mjs`))).default,
  ),
);

const work = mkdtempSync(path.join(os.tmpdir(), 'galley-parity-'));
const out = process.env.GALLEY_PARITY_OUT
  ? path.resolve(process.env.GALLEY_PARITY_OUT)
  : path.join(work, 'site');
// The corpus ships no layouts: its pages are compared between markers that this layout prints.
const overrides = path.join(work, 'parity.yml');
writeFileSync(
  overrides,
  `layouts_dir: ${JSON.stringify(path.join(root, 'scripts', 'parity'))}\ntheme_dir: false\n`,
);

const result = await build({
  source,
  destination: out,
  config: [path.join(source, '_config.yml'), overrides],
  plugins,
  writeOnError: true,
  // Parity is about rendering; `galley check` findings are measured separately.
  check: false,
});
const errors = result.diagnostics.filter((d) => d.severity === 'error');
const byRule = {};
for (const d of result.diagnostics)
  byRule[`${d.severity} ${d.ruleId}`] = (byRule[`${d.severity} ${d.ruleId}`] ?? 0) + 1;
console.log(
  `galley: ${result.pages.length} pages, ${result.redirects.length} redirects in ${(result.elapsedMs / 1000).toFixed(2)}s; ` +
    `${errors.length} errors; diagnostics by rule: ${JSON.stringify(byRule)}`,
);
for (const d of errors.slice(0, 20)) console.log(formatDiagnostic(d));

const pages = spawnSync(
  process.execPath,
  [
    path.join(shared, 'tools', 'parity.mjs'),
    path.join(reference, 'guides'),
    path.join(out, 'guides'),
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const redirects = spawnSync(
  process.execPath,
  [path.join(shared, 'tools', 'parity.mjs'), path.join(reference, '_redirects'), out, '--show', '0'],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
const last = redirects.stdout.trim().split('\n').pop();
console.log(`redirect pages: ${last}`);
if (!process.env.GALLEY_PARITY_OUT) rmSync(work, { recursive: true, force: true });
process.exit(pages.status ?? 1);
