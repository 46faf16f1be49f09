/**
 * Shared scaffolding for the robustness suite. Every case builds a site inside a fresh workspace:
 *
 *     <tmp>/canary/   files that no build may touch (hashed before and after)
 *     <tmp>/site/     the site source (hashed before and after)
 *     <tmp>/_site/    the destination
 *
 * and ends with `expectUntouched(ws)`. `galleyProcess` runs the real CLI in a child process (through
 * tsx, so the TypeScript source is tested, not a possibly stale dist/).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type BuildOptions, type BuildResult, build } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { hashTree, tempDir } from '../build/helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Fixture sites of this suite: `test/robustness/sites/<case>/`. */
export const SITES = path.join(here, 'sites');
const REPO = path.resolve(here, '..', '..');

export interface Workspace {
  root: string;
  site: string;
  canary: string;
  dest: string;
  hashes: { site: string; canary: string };
}

/** Text files a build must never touch, including one named like a page and one like an include. */
const CANARY_FILES: Record<string, string> = {
  'secret.txt': 'CANARY-SECRET do not publish\n',
  'index.md': '---\ntitle: canary\n---\nCANARY-PAGE\n',
  '_includes/evil.html': 'CANARY-INCLUDE\n',
  'deep/er/file.txt': 'CANARY-DEEP\n',
};

/** Text that only canary files contain; no output may ever include it. */
export const CANARY_TOKEN = 'CANARY-';

/**
 * A fresh workspace whose site is a copy of `test/robustness/sites/<name>/` (when given) plus
 * `files` (relative path -> text or bytes). Hashes the site and the canary folder.
 */
export function workspace(name: string | null, files: Record<string, string | Uint8Array> = {}): Workspace {
  const root = tempDir();
  const site = path.join(root, 'site');
  const canary = path.join(root, 'canary');
  if (name) fs.cpSync(path.join(SITES, name), site, { recursive: true });
  fs.mkdirSync(site, { recursive: true });
  writeAll(canary, CANARY_FILES);
  writeAll(site, files);
  return { root, site, canary, dest: path.join(root, '_site'), hashes: { site: '', canary: '' } };
}

/** Records the hashes `expectUntouched` compares against; call after any test-specific setup. */
export function snapshotHashes(ws: Workspace): Workspace {
  ws.hashes = { site: hashSource(ws.site), canary: hashTree(ws.canary) };
  return ws;
}

/** Writes `files` under `root`, creating folders. */
export function writeAll(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/**
 * Hash of a site source, leaving out `.galley-cache/`: Galley's own cache folder (render cache,
 * external-link answers) is the one thing a build may write inside the source.
 */
export function hashSource(root: string): string {
  return hashTree(root, { skip: ['.galley-cache'] });
}

/** Asserts that neither the site source (but for `.galley-cache/`) nor the canary folder changed. */
export function expectUntouched(ws: Workspace): void {
  expect(hashTree(ws.canary), 'canary folder changed').toBe(ws.hashes.canary);
  expect(hashSource(ws.site), 'site source changed').toBe(ws.hashes.site);
}

/**
 * Builds the workspace's site into its destination (no theme, a fixed `site.time`, and the checker
 * off unless asked: these cases are about the pipeline; the checker's findings would crowd them).
 */
export function buildWs(ws: Workspace, options: BuildOptions = {}): Promise<BuildResult> {
  return build({
    theme: false,
    check: false,
    now: new Date('2024-01-02T03:04:05Z'),
    source: ws.site,
    destination: ws.dest,
    ...options,
  });
}

/** `file:line:col ruleId` of each error, the shape every error must have. */
export function errorsAt(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line ?? '?'}:${d.column ?? '?'} ${d.ruleId}`);
}

/** Asserts that no built page and no written file contains canary text. */
export function expectNoCanary(result: BuildResult, dest?: string): void {
  for (const p of result.pages) expect(p.html ?? '', p.path).not.toContain(CANARY_TOKEN);
  if (dest && fs.existsSync(dest)) {
    for (const f of fs.readdirSync(dest, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const text = fs.readFileSync(path.join(f.parentPath, f.name), 'utf8');
      expect(text, f.name).not.toContain(CANARY_TOKEN);
    }
  }
}

/** Temporary folders a build of `dest` leaves beside it (must be none after a build ends). */
export function stagingLeftovers(dest: string): string[] {
  return fs.readdirSync(path.dirname(dest)).filter((n) => n.startsWith(`.${path.basename(dest)}.galley-`));
}

/** Starts `galley <args>` in a child process with extra environment variables. */
export function galleyProcess(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(here, 'galley-cli.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `galley <args>` to completion; resolves with the exit code and output. */
export function runGalley(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = galleyProcess(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Waits until `check()` is true, polling every `everyMs`; false after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs: number, everyMs = 2): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}
