#!/usr/bin/env node
// npm run check:compare: runs `galley check` on the Magento corpus slice (../shared/corpus/devdocs-v2.0)
// and html-proofer (Debian: ruby-html-proofer) on Jekyll's build of it, then lists which of
// html-proofer's broken internal links, images and anchors Galley also finds (at a source line),
// and what Galley finds beyond them, by rule. Prints both wall times.
//   --json FILE   also write the comparison as JSON
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const source = path.join(corpus, 'devdocs-v2.0');
const reference = path.join(corpus, 'devdocs-v2.0-jekyll');
if (!existsSync(source)) {
  console.error(`check:compare: ${source} not found; the corpus lives in ../shared beside the repository`);
  process.exit(2);
}
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : null;

const { check } = await import(path.join(root, 'dist', 'index.js'));
const plugins = await Promise.all(
  ['guide-baseurl', 'glossarytooltip', 'collapsible'].map(
    async (name) => (await import(path.join(root, 'test', 'plugins', 'magento', `${name}.mjs`))).default,
  ),
);

// As for parity: the corpus ships no layouts, so its pages get the marker layout.
const work = mkdtempSync(path.join(os.tmpdir(), 'galley-check-compare-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const overrides = path.join(work, 'parity.yml');
writeFileSync(
  overrides,
  `layouts_dir: ${JSON.stringify(path.join(root, 'scripts', 'parity'))}\ntheme_dir: false\n`,
);
let started = performance.now();
const result = await check({ source, plugins, config: [path.join(source, '_config.yml'), overrides] });
const galleyMs = performance.now() - started;
const outputByUrl = new Map(result.pages.map((p) => [p.url, p.outputPath]));
const outputByPath = new Map(result.pages.map((p) => [p.path, p.outputPath]));
// A finding in an include is reported once with the pages that show it; match each of them.
const outputsOf = (d) =>
  d.pages ? d.pages.map((p) => outputByPath.get(p) ?? p) : [outputByUrl.get(d.link.page) ?? d.link.page];

// html-proofer reads a served tree: Jekyll's pages plus the redirect pages at their paths.
const served = mkdtempSync(path.join(os.tmpdir(), 'galley-htmlproofer-'));
process.on('exit', () => rmSync(served, { recursive: true, force: true }));
cpSync(path.join(reference, 'guides'), path.join(served, 'guides'), { recursive: true });
cpSync(path.join(reference, '_redirects'), served, { recursive: true, force: false, errorOnExist: false });
started = performance.now();
const proofer = spawnSync('htmlproofer', [served, '--disable-external'], { encoding: 'utf8' });
const prooferMs = performance.now() - started;
if (proofer.error) {
  console.error('check:compare: htmlproofer not found (apt-get install ruby-html-proofer)');
  process.exit(2);
}

// "- /tmp/x/guides/a.html" then "  *  message (line N)" and, for anchors, the element on the next line.
const failures = [];
let file = null;
const lines = `${proofer.stdout}\n${proofer.stderr}`.split('\n');
for (const [i, line] of lines.entries()) {
  const heading = /^- (.*\.html)$/.exec(line);
  if (heading) {
    file = path.relative(served, heading[1]);
    continue;
  }
  const item = /^ {2}\* {2}(.*?)(?: \(line (\d+)\))?$/.exec(line);
  if (!item || !file) continue;
  const message = item[1];
  let kind = 'other';
  let href = null;
  const page = /^internally linking to (.*), which does not exist$/.exec(message);
  const image = /^internal image (.*) does not exist$/.exec(message);
  const hash = /^linking to internal hash (#.*) that does not exist$/.exec(message);
  if (page) [kind, href] = ['page', page[1]];
  else if (image) [kind, href] = ['image', image[1]];
  else if (hash) {
    kind = 'anchor';
    const el = /(?:href|src)="([^"]*)"/.exec(lines[i + 1] ?? '');
    href = el ? el[1].replace(/&amp;/g, '&') : hash[1];
  } else kind = `other: ${message.replace(/\S*\/\S*/g, 'X')}`;
  failures.push({ file, kind, href, message, line: item[2] ? Number(item[2]) : undefined });
}

const linkRules = new Set(['links/missing-page', 'links/missing-anchor', 'links/source-extension']);
const galleyLinks = result.diagnostics.filter((d) => d.link && linkRules.has(d.ruleId));
const key = (output, href) => `${output}\t${href}`;
const galleyKeys = new Map();
for (const d of galleyLinks) {
  for (const output of outputsOf(d)) {
    const k = key(output, d.link.url);
    galleyKeys.set(k, [...(galleyKeys.get(k) ?? []), d]);
  }
}
const comparable = failures.filter((f) => !f.kind.startsWith('other'));
const missed = comparable.filter((f) => !galleyKeys.has(key(f.file, f.href)));
const prooferKeys = new Set(comparable.map((f) => key(f.file, f.href)));
const beyond = result.diagnostics.filter(
  (d) => !(d.link && outputsOf(d).some((output) => prooferKeys.has(key(output, d.link.url)))),
);

const count = (list, by) => {
  const c = {};
  for (const x of list) c[by(x)] = (c[by(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(c).sort((a, b) => b[1] - a[1]));
};
const summary = {
  pages: result.pages.length,
  galleySeconds: Number((galleyMs / 1000).toFixed(2)),
  htmlprooferSeconds: Number((prooferMs / 1000).toFixed(2)),
  htmlproofer: { failures: failures.length, byKind: count(failures, (f) => f.kind) },
  galley: {
    findings: result.diagnostics.length,
    byRule: count(result.diagnostics, (d) => `${d.severity} ${d.ruleId}`),
  },
  htmlprooferFoundByGalley: comparable.length - missed.length,
  htmlprooferComparable: comparable.length,
  // Links html-proofer calls broken that Galley does not: say why for each.
  missed: missed.map((f) => {
    const target = f.href.replace(/^\//, '').replace(/#.*$/, '');
    const redirect = result.redirects.find((r) => r.outputPath === target);
    const why = redirect
      ? ` (Galley writes a redirect page there: redirect_from in ${redirect.sourcePath})`
      : '';
    return `${f.file}:${f.line} ${f.kind} ${f.href}${why}`;
  }),
  beyondByRule: count(beyond, (d) => d.ruleId),
  beyondSample: Object.fromEntries(
    [...new Set(beyond.map((d) => d.ruleId))].map((rule) => [
      rule,
      beyond
        .filter((d) => d.ruleId === rule)
        .slice(0, 4)
        .map((d) => `${d.file}:${d.line ?? ''}${d.column ? `:${d.column}` : ''} ${d.message}`),
    ]),
  ),
};
console.log(JSON.stringify(summary, null, 2));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(summary, null, 2)}\n`);
