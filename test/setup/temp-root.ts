/**
 * One temporary folder for the whole run (vitest.config.ts globalSetup): the test processes, the CLI
 * processes and workers they start get it as their temporary folder (TMPDIR), so nothing a test
 * writes there outlives the run, also when a test file crashes before its clean-up or a test writes
 * to `os.tmpdir()` directly. tsx's compile cache lives there too, for the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-test-run-'));
  // os.tmpdir() reads TMPDIR on POSIX and TEMP/TMP on Windows.
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = root;
  return () => fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
