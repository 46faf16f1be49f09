#!/usr/bin/env node
// npm run bench:check: the checker against html-proofer on the synthetic benchmark site
// (../shared/bench/make-site.mjs, jekyll flavour). Builds the site once with Galley (no checks) so
// html-proofer has HTML to read, then alternates runs of
//   galley check (source: build in memory + checks), galley check --html (the built folder), and
//   htmlproofer --disable-external (the built folder),
// printing median wall times and the ratios. A benchmark, not a test.
//   --pages N (default 4000)   --runs N (default 3)   --json FILE
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const makeSite = path.resolve(root, '..', 'shared', 'bench', 'make-site.mjs');
if (!existsSync(makeSite)) {
  console.error(`bench:check: ${makeSite} not found; it lives in ../shared beside the repository`);
  process.exit(2);
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const pages = Number(arg('--pages', 4000));
const runs = Number(arg('--runs', 3));
const work = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-check-'));
// The generated site and its build (hundreds of MB at 4,000 pages): gone however the script ends.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const site = path.join(work, 'site');
const built = path.join(work, '_site');
const galley = path.join(root, 'bin', 'galley.js');

const run = (cmd, args) => {
  const started = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { ms: performance.now() - started, status: r.status, out: `${r.stdout}${r.stderr}` };
};
run(process.execPath, [makeSite, '--pages', String(pages), '--out', site, '--flavor', 'jekyll']);
const first = run(process.execPath, [galley, 'build', '-s', site, '-d', built, '--no-check', '-q']);
if (first.status !== 0) throw new Error(`galley build failed:\n${first.out}`);

const tools = {
  'galley check (source)': () => run(process.execPath, [galley, 'check', '-s', site, '-q', '-V']),
  'galley check --html': () => run(process.execPath, [galley, 'check', '--html', built, '-q']),
  htmlproofer: () => run('htmlproofer', [built, '--disable-external']),
};
const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
const last = {};
for (let i = 0; i < runs; i++) {
  for (const [name, fn] of Object.entries(tools)) {
    try {
      const r = fn();
      times[name].push(r.ms);
      // With -V the CLI prints its stage timings: the checks alone, apart from rendering.
      const stage = /timings:.*\bcheck (\d+)ms/.exec(r.out);
      if (stage) {
        times['  of which the check stage'] ??= [];
        times['  of which the check stage'].push(Number(stage[1]));
      }
      last[name] = r.out
        .split('\n')
        .filter((l) => l && !l.startsWith('timings:'))
        .slice(-1)
        .join(' | ');
    } catch (error) {
      times[name] = null;
      last[name] = `not run: ${error.message}`;
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = { pages, runs, cores: os.availableParallelism(), seconds: {}, lastOutput: last };
for (const [name, xs] of Object.entries(times))
  result.seconds[name] = xs ? Number((median(xs) / 1000).toFixed(2)) : null;
const hp = result.seconds.htmlproofer;
if (hp) {
  result.ratioToHtmlproofer = Object.fromEntries(
    Object.entries(result.seconds)
      .filter(([k, v]) => k !== 'htmlproofer' && v !== null)
      .map(([k, v]) => [k, Number((v / hp).toFixed(2))]),
  );
}
console.log(JSON.stringify(result, null, 2));
const jsonOut = arg('--json', null);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`);
