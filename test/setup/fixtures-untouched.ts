/**
 * Fails the run when a test wrote a render cache or a site into the committed test folders
 * (vitest.config.ts globalSetup): .gitignore hides them from `git status`, and a fixture carrying a
 * cache makes the next run's tests see another test's cache. Tests build copies (copySite) instead.
 */
import fs from 'node:fs';
import path from 'node:path';

const TEST_ROOT = path.resolve(import.meta.dirname, '..');
const WRITTEN_BY_BUILDS = new Set(['.galley-cache', '_site']);

/** Folders named like build output under `dir`, changed at or after `since` (ms). */
function buildOutputs(dir: string, since: number): string[] {
  const found: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const abs = path.join(dir, e.name);
    if (!WRITTEN_BY_BUILDS.has(e.name)) found.push(...buildOutputs(abs, since));
    else if (fs.statSync(abs).mtimeMs >= since) found.push(path.relative(TEST_ROOT, abs));
  }
  return found;
}

export default function setup(): () => void {
  // A second early: file times can be rounded down.
  const since = Date.now() - 1000;
  return () => {
    const written = buildOutputs(TEST_ROOT, since);
    if (written.length === 0) return;
    // An error thrown here is only printed: the exit code is what fails the run.
    console.error(
      `\nTests wrote build output into test/ (build a copySite() instead):\n  ${written.join('\n  ')}\n`,
    );
    process.exitCode = 1;
  };
}
