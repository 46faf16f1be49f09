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
  return () => {
    try {
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (error) {
      // A teardown's error is only printed: the exit code is what fails the run.
      console.error(`\nCould not remove the run's temporary folder ${root}: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  };
}
