import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Temporary folders: one per run, and each test file's removed when it ends (test/temp-dirs.ts);
    // the fixtures must come out of the run as they went in. Teardowns run last to first, and one
    // that throws skips the rest: the run's folder is removed first.
    globalSetup: ['test/setup/fixtures-untouched.ts', 'test/setup/temp-root.ts'],
    setupFiles: ['test/setup/remove-temp-dirs.ts'],
  },
});
