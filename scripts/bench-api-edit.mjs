#!/usr/bin/env node
// Part of `npm run bench`: times editing one page through the library API. A builder
// (createBuilder) builds SITE into OUT once, loading modules and the render cache; then a line is
// appended to PAGE (relative to SITE/guides/v2.0) and `builder.rebuild({ changed: [PAGE] })` runs.
// The edit is made and rebuilt five times: the first rebuild also compiles the Markdown code
// (a warm build rendered nothing), the later ones are what an editor session sees. Prints the
// median of the later rebuilds' elapsed and CPU milliseconds, the first one's, and the pages
// rendered, as one JSON line. With --include, edits _includes/note.md instead (every page that
// includes it is rendered).
//   node scripts/bench-api-edit.mjs SITE OUT PAGE [--include]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBuilder } from '../dist/index.js';

const [site, out, page] = process.argv.slice(2);
const builder = createBuilder({ source: site, destination: out, cache: true });
await builder.build();
const file = process.argv.includes('--include')
  ? path.join(site, '_includes', 'note.md')
  : path.join(site, 'guides', 'v2.0', page);
const runs = [];
for (let n = 0; n < 5; n++) {
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited through the library API, edit ${n + 1}.\n`);
  const cpu = process.cpuUsage();
  const result = await builder.rebuild({ changed: [file] });
  const used = process.cpuUsage(cpu);
  runs.push({ result, cpuMs: Math.round((used.user + used.system) / 1000) });
}
const later = runs.slice(1).sort((a, b) => a.result.elapsedMs - b.result.elapsedMs);
const { result, cpuMs } = later[later.length >> 1];
console.log(
  JSON.stringify({
    elapsedMs: result.elapsedMs,
    cpuMs,
    firstEditMs: runs[0].result.elapsedMs,
    firstEditCpuMs: runs[0].cpuMs,
    mode: result.rebuild.mode,
    why: result.rebuild.why,
    rendered: result.rebuild.rendered.length,
    renderedPages: result.rebuild.rendered.slice(0, 5),
    rechecked: result.rebuild.rechecked.length,
    written: result.rebuild.written,
    timings: result.timings,
  }),
);
