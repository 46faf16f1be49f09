#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (dist/), built by `npm install` (prepare).
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/cli.js';

// A large build keeps every page's result until the checks run, and V8 lets a heap grow to
// several times its live size between full collections: that headroom was most of the peak
// memory. Growing by half the live size instead costs a few more full collections (issue 7).
setFlagsFromString('--heap-growing-percent=50');
// With render workers' heaps smaller (snapshot-transfer.ts), V8's allocation-site pretenuring
// started allocating short-lived render objects straight into old space: 2.4 times the old-space
// garbage, three times the full collections and a third more CPU on the 4,000-page bench site.
// Without it both old and new builds promote as much as before.
setFlagsFromString('--no-allocation-site-pretenuring');
// TurboFan's background compiles took 4.4 s of a cold 4,000-page build's 14.5 s of CPU (perf):
// each thread optimizes the same Markdown code, and deep inlining made single functions cost up
// to 0.6 s (rehype-stringify's `compiler`, inlining all of hast-util-to-html). On a 2-core
// machine those threads take the cores from rendering. A smaller inlining budget, no escape
// analysis and tiering up at twice the default budget cut compiles to about half and the build
// by 12-23% (interleaved runs, 1,000 and 4,000 pages; the rendered files are the same).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
setFlagsFromString('--no-turbo-escape');
setFlagsFromString('--interrupt-budget=135168');

process.exitCode = await main(process.argv.slice(2));
