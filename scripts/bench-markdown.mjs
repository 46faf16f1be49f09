#!/usr/bin/env node
// npm run bench:markdown: the Markdown stage alone (Liquid output -> HTML), all pages in one
// process, so that the cost of kramdown dialect support is visible apart from Liquid, layouts,
// checks and I/O. A benchmark, not a test: nothing asserts a time.
//
// The pages are the plain flavour of ../shared/bench/make-site.mjs: its bodies equal the jekyll
// flavour's bodies after Liquid byte for byte. Front matter is cut off before timing. Pipelines:
//   plain      remark-parse + remark-gfm + remark-rehype + rehype-raw + rehype-stringify, the
//              unified baseline without any kramdown support
//   galley     this checkout's Markdown stage (dist/, so run `npm run compile` first; the npm
//              script does), all kramdown extensions on
//   <label>    with --also label=DIR: the Markdown stage of another built Galley checkout at DIR
//              (e.g. a worktree of an older commit), to compare before and after
// Each round runs every pipeline once over all pages, pipelines alternated; the median of the
// rounds is reported as pages per second of CPU time (process.cpuUsage, user + system, which
// includes garbage collection threads) and of wall time, with the load average.
//   --pages 4000   --runs 3   --also label=DIR (repeatable)   --site DIR (reuse a generated site)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const pages = Number(arg('--pages', 4000));
const runs = Number(arg('--runs', 3));
const also = args.flatMap((a, i) => (args[i - 1] === '--also' ? [a.split('=')] : []));

let site = arg('--site', null);
let generated = null;
if (!site) {
  const makeSite = path.resolve(root, '..', 'shared', 'bench', 'make-site.mjs');
  if (!existsSync(makeSite)) {
    console.error(`bench:markdown: ${makeSite} not found; it lives in ../shared beside the repository`);
    process.exit(2);
  }
  generated = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-markdown-'));
  site = generated;
  const made = spawnSync(
    process.execPath,
    [makeSite, '--pages', String(pages), '--out', site, '--flavor', 'plain'],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`make-site.mjs failed:\n${made.stderr}`);
}

/** Every .md file under the site, in path order, as the Markdown after its front matter. */
function readBodies(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) found.push(full);
    }
  };
  walk(dir);
  return found.map((file) => {
    const text = readFileSync(file, 'utf8');
    const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 4) : -1;
    return { file: path.relative(dir, file), body: end < 0 ? text : text.slice(end + 5) };
  });
}

const bodies = readBodies(site);
const bytes = bodies.reduce((sum, p) => sum + Buffer.byteLength(p.body), 0);

const plain = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

/** Galley's Markdown stage from a built checkout: one frozen processor, `renderMarkdown` per page. */
async function galleyStage(checkout) {
  const module = path.join(checkout, 'dist', 'render', 'markdown', 'render-markdown.js');
  if (!existsSync(module)) throw new Error(`${module} not found: run \`npm run compile\` in ${checkout}`);
  const { createMarkdownProcessor, renderMarkdown } = await import(pathToFileURL(module).href);
  const processor = createMarkdownProcessor();
  return (page) => renderMarkdown(processor, page.body, page.file).html;
}

const pipelines = [
  ['plain', (page) => String(plain.processSync(page.body))],
  ['galley', await galleyStage(root)],
];
for (const [label, dir] of also) pipelines.push([label, await galleyStage(path.resolve(dir))]);

/** One pass over all pages; CPU and wall seconds, and the output size (so no work is skipped). */
function pass(render) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let out = 0;
  for (const page of bodies) out += render(page).length;
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1e6, wall: (performance.now() - started) / 1e3, out };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const samples = new Map(pipelines.map(([label]) => [label, []]));
// An untimed warm-up over some pages first, so JIT compilation is not charged to whichever
// pipeline runs first.
for (const [, render] of pipelines) for (const page of bodies.slice(0, 200)) render(page);
for (let round = 0; round < runs; round++) {
  for (const [label, render] of pipelines) samples.get(label).push(pass(render));
}

console.log(
  `bench:markdown: ${bodies.length} pages, ${(bytes / 1e6).toFixed(1)} MB of Markdown, ${runs} rounds, ` +
    `node ${process.version}, load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
);
const rows = pipelines.map(([label]) => {
  const s = samples.get(label);
  const cpu = median(s.map((x) => x.cpu));
  const wall = median(s.map((x) => x.wall));
  return { label, cpuRate: bodies.length / cpu, wallRate: bodies.length / wall, cpu, wall, out: s[0].out };
});
const base = rows[0];
for (const row of rows) {
  console.log(
    `  ${row.label.padEnd(14)} ${row.cpuRate.toFixed(0).padStart(6)} pages/s CPU (${row.cpu.toFixed(2)} s)` +
      `  ${row.wallRate.toFixed(0).padStart(6)} pages/s wall (${row.wall.toFixed(2)} s)` +
      `  CPU time x${(row.cpu / base.cpu).toFixed(2)} of ${base.label}  (${(row.out / 1e6).toFixed(1)} MB of HTML)`,
  );
}
if (generated) rmSync(generated, { recursive: true, force: true });
