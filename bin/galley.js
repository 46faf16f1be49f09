#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (dist/), built by `npm install` (prepare).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
