// Runs in every test file (vitest.config.ts setupFiles). Registered before the file's own hooks,
// so it runs after them: builders, servers and processes the file closes in afterAll are gone.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../temp-dirs.js';

// Some files leave tens of thousands of files (test/robustness/processes.test.ts): on a loaded
// machine removing them takes longer than the default 10 s hook time limit.
afterAll(removeTempDirs, 120_000);
