#!/usr/bin/env node
// Part of `npm run bench`: times editing one page through the library API. Builds SITE into OUT
// once with the render cache (loading modules and the cache), appends a line to PAGE (relative to
// SITE/guides/v2.0), builds again, and prints that second build's elapsed milliseconds and the
// number of pages it rendered as one JSON line.
//   node scripts/bench-api-edit.mjs SITE OUT PAGE
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../dist/index.js';

const [site, out, page] = process.argv.slice(2);
const options = { source: site, destination: out, cache: true };
await build(options);
const file = path.join(site, 'guides', 'v2.0', page);
writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited through the library API at ${Date.now()}.\n`);
const result = await build(options);
console.log(
  JSON.stringify({
    elapsedMs: result.elapsedMs,
    rendered: result.cache?.rebuilt.length,
    reused: result.cache?.reused,
    timings: result.timings,
  }),
);
