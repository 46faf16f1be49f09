/**
 * Temporary folders for tests. `tempDir()` makes one and remembers it; test/setup/remove-temp-dirs.ts
 * removes the remembered folders when the test file ends (passed or failed), so a folder lives as
 * long as the file's tests and any CLI process or worker they started. Whatever a test writes to
 * `os.tmpdir()` some other way lands in the run's folder (test/setup/temp-root.ts), removed at the
 * end of the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created = new Set<string>();

/** A fresh empty temporary folder, removed when the test file ends. */
export function tempDir(prefix = 'galley-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Removes every folder `tempDir()` made in this test file. */
export async function removeTempDirs(): Promise<void> {
  const dirs = [...created];
  created.clear();
  // Retries: a child process killed by a test may still be closing files in it.
  await Promise.all(dirs.map((dir) => fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 5 })));
}
