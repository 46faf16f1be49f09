#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (dist/), built by `npm install` (prepare).
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/cli.js';

// A large build keeps every page's result until the checks run, and V8 lets a heap grow to
// several times its live size between full collections: that headroom was most of the peak
// memory. Growing by half the live size instead costs a few more full collections (issue 7).
setFlagsFromString('--heap-growing-percent=50');

process.exitCode = await main(process.argv.slice(2));
