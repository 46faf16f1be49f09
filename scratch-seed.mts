import { build } from './src/build.ts';
import { formatDiagnostic } from './src/report/format-text.ts';
const r = await build({ source: process.argv[2] ?? '/work/shared/seed/site', write: false, theme: false });
for (const d of r.diagnostics) console.log(formatDiagnostic(d));
console.log(r.elapsedMs, r.timings);
