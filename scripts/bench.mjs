#!/usr/bin/env node
// npm run bench: Galley against Eleventy 3.1 and Jekyll on the synthetic benchmark sites
// (../shared/bench/make-site.mjs; jekyll flavour for Galley and Jekyll, eleventy flavour for
// Eleventy). A benchmark, not a test: nothing asserts a time.
//
// For each size, every round runs each scenario once, peers interleaved with Galley's, and the
// medians of wall time and peak RSS (from /usr/bin/time -f %M when present) are printed:
//   galley cold        .galley-cache removed first, checks on (the default `galley build`)
//   galley cold --jobs 1   the same on one thread (the default uses one thread per core)
//   galley warm        cache present, nothing changed
//   galley edit        one page's body changed, then `galley build`
//   galley cold --no-check / warm --no-check   the same without the checks (peers check nothing)
//   galley api edit    one page changed, timed inside the library (a child process makes a
//                      builder, builds once, edits one page and calls rebuild(); see
//                      scripts/bench-api-edit.mjs)
//   eleventy           `eleventy --quiet`, _site and .cache removed first
//   jekyll             `jekyll build`, _site and .jekyll-cache removed first
// Peers that are not installed are skipped and reported as such.
//   --pages 1000,4000   --runs N (default 3)   --json FILE (default bench-results.json)   --only galley
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const makeSite = path.resolve(root, '..', 'shared', 'bench', 'make-site.mjs');
if (!existsSync(makeSite)) {
  console.error(`bench: ${makeSite} not found; it lives in ../shared beside the repository`);
  process.exit(2);
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const sizes = String(arg('--pages', '1000,4000')).split(',').map(Number);
const runs = Number(arg('--runs', 3));
const only = arg('--only', null);
const jsonOut = arg('--json', 'bench-results.json');
const galley = path.join(root, 'bin', 'galley.js');
const apiEdit = path.join(root, 'scripts', 'bench-api-edit.mjs');
const eleventyCmd = path.join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const work = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-'));
const memFile = path.join(work, 'rss.txt');

/** Runs a command; wall time in ms, peak RSS in MiB (null when /usr/bin/time is missing). */
function run(cmd, args, cwd) {
  const argv = timeBin ? ['-f', '%M', '-o', memFile, cmd, ...args] : args;
  // Flush what earlier runs wrote (and deleted) first: on a slow disk their write-back otherwise
  // stalls this run's file creation, charging one tool for another's output.
  spawnSync('sync');
  const started = performance.now();
  const r = spawnSync(timeBin ?? cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.error) throw r.error;
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 && !(cmd === process.execPath && r.status === 1)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${out.slice(-2000)}`);
  }
  const kb = timeBin ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) : Number.NaN;
  return { ms, mib: Number.isFinite(kb) ? kb / 1024 : null, out };
}

function installed(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).trim().split('\n')[0] : null;
}
const peers = {
  eleventy: existsSync(eleventyCmd) ? installed(process.execPath, [eleventyCmd, '--version']) : null,
  jekyll: installed('jekyll', ['--version']),
};
if (only === 'galley') peers.eleventy = peers.jekyll = null;
for (const [name, version] of Object.entries(peers))
  console.error(version ? `bench: ${name} ${version}` : `bench: ${name} not installed, skipped`);

let editCount = 0;
/** Changes one page's body, so exactly that page must be rebuilt. */
function editPage(site) {
  const file = path.join(site, 'guides', 'v2.0', editTarget(site));
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited for the benchmark, run ${++editCount}.\n`);
}
function editTarget(site) {
  const found = spawnSync('find', [path.join(site, 'guides', 'v2.0'), '-name', 'page-*.md'], {
    encoding: 'utf8',
  });
  const first = found.stdout.split('\n').filter(Boolean).sort()[0];
  return path.relative(path.join(site, 'guides', 'v2.0'), first);
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cores: os.availableParallelism(),
  loadavgBefore: os.loadavg().map((x) => Number(x.toFixed(2))),
  peers,
  sizes: {},
};
for (const pages of sizes) {
  const dir = path.join(work, String(pages));
  const gSite = path.join(dir, 'galley');
  const jSite = path.join(dir, 'jekyll');
  const eSite = path.join(dir, 'eleventy');
  const gen = (out, flavor) =>
    run(process.execPath, [makeSite, '--pages', String(pages), '--out', out, '--flavor', flavor]);
  gen(gSite, 'jekyll');
  if (peers.jekyll) gen(jSite, 'jekyll');
  if (peers.eleventy) gen(eSite, 'eleventy');
  const gOut = path.join(dir, 'galley-site');
  const gBuild = (...extra) =>
    run(process.execPath, [galley, 'build', '-s', gSite, '-d', gOut, '-q', ...extra]);
  const cold =
    (...extra) =>
    () => {
      rmSync(path.join(gSite, '.galley-cache'), { recursive: true, force: true });
      return gBuild(...extra);
    };
  const scenarios = {
    'galley cold': cold(),
    'galley cold --jobs 1': cold('--jobs', '1'),
    'galley warm': () => gBuild(),
    'galley edit': () => {
      editPage(gSite);
      return gBuild();
    },
    ...(peers.eleventy
      ? {
          eleventy: () => {
            for (const d of ['_site', '.cache'])
              rmSync(path.join(eSite, d), { recursive: true, force: true });
            return run(process.execPath, [eleventyCmd, '--quiet'], eSite);
          },
        }
      : {}),
    'galley cold --no-check': cold('--no-check'),
    'galley warm --no-check': () => gBuild('--no-check'),
    'galley api edit': () => {
      const r = run(process.execPath, [apiEdit, gSite, gOut, editTarget(gSite)]);
      const reported = JSON.parse(r.out.trim().split('\n').pop());
      return {
        ms: reported.elapsedMs,
        mib: r.mib,
        out: r.out,
        rendered: reported.rendered,
        note: `pages rendered: ${reported.rendered} (${reported.mode}), CPU ${reported.cpuMs} ms; first edit after a warm start ${reported.firstEditMs} ms`,
      };
    },
    ...(peers.jekyll
      ? {
          jekyll: () => {
            for (const d of ['_site', '.jekyll-cache'])
              rmSync(path.join(jSite, d), { recursive: true, force: true });
            return run('jekyll', ['build', '-s', jSite, '-d', path.join(jSite, '_site'), '--quiet']);
          },
        }
      : {}),
  };
  const samples = Object.fromEntries(Object.keys(scenarios).map((k) => [k, { ms: [], mib: [] }]));
  const notes = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(scenarios)) {
      const r = fn();
      samples[name].ms.push(r.ms);
      samples[name].mib.push(r.mib);
      if (r.note !== undefined) notes[name] = r.note;
      else if (r.rendered !== undefined) notes[name] = `pages rendered: ${r.rendered}`;
      console.error(`bench: ${pages} pages, round ${i + 1}: ${name} ${(r.ms / 1000).toFixed(2)} s`);
    }
  }
  const table = {};
  for (const [name, s] of Object.entries(samples)) {
    table[name] = {
      seconds: Number((median(s.ms) / 1000).toFixed(3)),
      peakMiB: median(s.mib) === null ? null : Math.round(median(s.mib)),
      ...(notes[name] ? { note: notes[name] } : {}),
    };
  }
  for (const peer of ['eleventy', 'jekyll']) {
    if (!table[peer]) continue;
    for (const [name, row] of Object.entries(table)) {
      if (!name.startsWith('galley')) continue;
      row[`x ${peer}`] = Number((row.seconds / table[peer].seconds).toFixed(2));
    }
  }
  results.sizes[pages] = table;
}
results.loadavgAfter = os.loadavg().map((x) => Number(x.toFixed(2)));
rmSync(work, { recursive: true, force: true });

for (const [pages, table] of Object.entries(results.sizes)) {
  const cols = ['seconds', 'peakMiB', 'x eleventy', 'x jekyll'];
  console.log(`\n${pages} pages (medians of ${runs} runs)\n`);
  console.log(`| scenario | ${cols.join(' | ')} | note |`);
  console.log(`|---|${cols.map(() => '---|').join('')}---|`);
  for (const [name, row] of Object.entries(table))
    console.log(`| ${name} | ${cols.map((c) => row[c] ?? '').join(' | ')} | ${row.note ?? ''} |`);
}
console.log(
  `\nnode ${results.node}, ${results.cores} cores, load average before ${results.loadavgBefore.join(' ')}, after ${results.loadavgAfter.join(' ')}`,
);
writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
console.log(`JSON: ${jsonOut}`);
