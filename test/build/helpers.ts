/**
 * Shared helpers for the `galley build` fixture tests.
 *
 * Fixture layout: `test/fixtures/<case>/site/` is the site source and `test/fixtures/<case>/expected/`
 * holds golden output files (byte-exact) for the files that matter. Sites that must fail live in
 * `test/fixtures-invalid/<case>/site/` with `expected-diagnostics.txt` beside them.
 *
 * `expected-diagnostics.txt` lists one diagnostic per line, in the order `build()` returns them
 * (file, line, column, rule id). Each line is a prefix of the first line of `formatDiagnostic(d)`:
 * `file:line:col severity ruleId` is required, and any message text written after it must match the
 * start of the message. Lines starting with `#` and blank lines are ignored.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type BuildOptions, type BuildResult, build } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { formatDiagnostic } from '../../src/report/format-text.js';
import { tempDir } from '../temp-dirs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '..', 'fixtures');
export const FIXTURES_INVALID = path.resolve(here, '..', 'fixtures-invalid');

/** Source folder of a valid fixture. */
export function fixtureSite(name: string): string {
  return path.join(FIXTURES, name, 'site');
}

/** Source folder of an invalid fixture. */
export function invalidSite(name: string): string {
  return path.join(FIXTURES_INVALID, name, 'site');
}

// Temporary folders are removed when the test file ends (test/temp-dirs.ts).
export { tempDir };

/** Copies a folder (a fixture site) into a fresh temporary folder and returns the copy's path. */
export function copySite(from: string, name = 'site'): string {
  const dir = path.join(tempDir(), name);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/** Writes `files` (relative path -> text) under `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}

/** Replaces the first `from` in the file at `rel` under `root` with `to`; `from` must be there. */
export function editFile(root: string, rel: string, from: string, to: string): void {
  const file = path.join(root, rel);
  const text = fs.readFileSync(file, 'utf8');
  expect(text, `${rel} should contain the text to edit`).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

/**
 * Builds `source` with the render cache on (no theme): the result, the paths of the pages rendered
 * rather than reused, and those paths with the reason, each sorted.
 */
export async function buildWithCache(source: string, destination: string, extra: BuildOptions = {}) {
  const result = await build({ source, destination, theme: false, cache: true, ...extra });
  const rebuilt = result.cache?.rebuilt ?? [];
  return {
    result,
    rendered: rebuilt.map((r) => r.path).sort(),
    rebuilt: rebuilt.map((r) => [r.path, r.reason]).sort(),
  };
}

export interface FixtureBuild {
  result: BuildResult;
  /** The destination folder (a fresh temporary folder's `_site`). */
  dest: string;
}

/**
 * Builds `source` into a fresh temporary destination, without the bundled theme and without the
 * checks unless asked: these fixtures pin rendering; the checker has its own (test/check/).
 */
export async function buildSite(source: string, options: BuildOptions = {}): Promise<FixtureBuild> {
  const dest = options.destination ?? path.join(tempDir(), '_site');
  const result = await build({
    theme: false,
    check: false,
    now: new Date('2024-01-02T03:04:05Z'),
    ...options,
    source,
    destination: dest,
  });
  return { result, dest };
}

/** Builds a valid fixture by name. */
export function buildFixture(name: string, options: BuildOptions = {}): Promise<FixtureBuild> {
  return buildSite(fixtureSite(name), options);
}

/** All files under `root` (relative POSIX paths, sorted), or [] when it does not exist. */
export function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else out.push(r);
    }
  };
  if (fs.existsSync(root)) walk(root, '');
  return out.sort();
}

/** A hash of every path and its bytes under `root` (symbolic links by their target text). */
export function hashTree(root: string, options: { skip?: readonly string[] } = {}): string {
  const h = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (options.skip?.includes(e.name)) continue;
      const abs = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) h.update(`L ${r} -> ${fs.readlinkSync(abs)}\n`);
      else if (e.isDirectory()) {
        h.update(`D ${r}\n`);
        walk(abs, r);
      } else {
        h.update(`F ${r}\n`);
        h.update(fs.readFileSync(abs));
      }
    }
  };
  walk(root, '');
  return h.digest('hex');
}

/** Text of an output file. */
export function readOut(dest: string, rel: string): string {
  return fs.readFileSync(path.join(dest, rel), 'utf8');
}

/** Asserts every file under the fixture's `expected/` equals the built file byte for byte. */
export function expectGolden(name: string, dest: string): void {
  const expectedDir = path.join(FIXTURES, name, 'expected');
  const files = listTree(expectedDir);
  expect(files.length, `${name} has no expected/ files`).toBeGreaterThan(0);
  for (const rel of files) {
    const outFile = path.join(dest, rel);
    expect(fs.existsSync(outFile), `${rel} was not written`).toBe(true);
    expect(fs.readFileSync(outFile, 'utf8'), rel).toBe(fs.readFileSync(path.join(expectedDir, rel), 'utf8'));
  }
}

/** First lines of the formatted diagnostics (no hints or chains). */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => formatDiagnostic(d).split('\n')[0]);
}

/** Diagnostics of the given severity or worse, as first lines. */
export function errorLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnosticLines(diagnostics.filter((d) => d.severity === 'error'));
}

/** The expected diagnostic line prefixes of an invalid fixture. */
export function expectedDiagnostics(name: string): string[] {
  return fs
    .readFileSync(path.join(FIXTURES_INVALID, name, 'expected-diagnostics.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * Asserts the diagnostics match `expected-diagnostics.txt`: same count, and each formatted first
 * line starts with the expected line. Shows the actual lines on failure.
 */
export function expectDiagnostics(name: string, diagnostics: readonly Diagnostic[]): void {
  const expected = expectedDiagnostics(name);
  const actual = diagnosticLines(diagnostics);
  const matches =
    actual.length === expected.length && expected.every((prefix, i) => actual[i].startsWith(prefix));
  expect(matches ? expected : actual, 'diagnostics (actual shown when they differ)').toEqual(expected);
}

/** Builds an invalid fixture into a fresh destination. */
export function buildInvalid(name: string, options: BuildOptions = {}): Promise<FixtureBuild> {
  return buildSite(invalidSite(name), options);
}

/** One build of `buildWithJobs`: output file hashes, some files' texts, diagnostics without causes. */
export interface JobsRun {
  /** `hashTree` of the output, or null when nothing was written. */
  tree: string | null;
  /** The texts of the files asked for (null when missing). */
  files: Record<string, string | null>;
  diagnostics: Omit<Diagnostic, 'cause'>[];
}

/**
 * Builds `source` with 1 and then 2 render threads into fresh folders (no theme, checks on), for
 * tests that the thread count changes nothing.
 */
export async function buildWithJobs(source: string, files: readonly string[] = []): Promise<JobsRun[]> {
  const runs: JobsRun[] = [];
  for (const jobs of [1, 2]) {
    const destination = path.join(tempDir(), '_site');
    const result = await build({ source, destination, theme: false, jobs });
    const written = fs.existsSync(destination);
    const text = (file: string) => {
      const abs = path.join(destination, file);
      return written && fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : null;
    };
    runs.push({
      tree: written ? hashTree(destination) : null,
      files: Object.fromEntries(files.map((f) => [f, text(f)])),
      diagnostics: result.diagnostics.map(({ cause: _c, ...d }) => d),
    });
  }
  return runs;
}
