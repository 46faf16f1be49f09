import { parseArgs } from 'node:util';
import { build } from './build.js';
import { formatDiagnostic } from './report/format-text.js';

const USAGE = `usage: galley build [options]

options:
  -s, --source DIR         site source (default: .)
  -d, --destination DIR    output folder (default: <source>/_site)
      --config FILES       comma-separated config files, merged in order
      --baseurl PATH       override baseurl
      --theme DIR          fallback theme folder (--no-theme for none)
      --write-on-error     write the site even when pages failed
  -q, --quiet              print errors only
  -V, --verbose            print every diagnostic and each page
  -h, --help               show this help`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Runs the CLI; returns the exit code (0 ok, 1 build errors, 2 bad usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'build') {
    io.err(`galley: ${command ? `unknown command "${command}"` : 'missing command'}\n${USAGE}\n`);
    return 2;
  }
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(rest).values;
  } catch (error) {
    io.err(`galley: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const quiet = Boolean(values.quiet);
  const verbose = Boolean(values.verbose);
  let lastProgress = 0;
  const startedAt = Date.now();
  const result = await build({
    source: values.source,
    destination: values.destination,
    config: values.config
      ? values.config
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    baseurl: values.baseurl,
    theme: values['no-theme'] ? false : values.theme,
    writeOnError: Boolean(values['write-on-error']),
    onProgress: (done, total) => {
      // A progress line only on a terminal, and only once the build has taken a second.
      const now = Date.now();
      if (quiet || !io.isTTY || now - startedAt < 1000 || now - lastProgress < 100) return;
      lastProgress = now;
      io.err(`\r\x1b[Krendering ${done}/${total} pages`);
    },
  });
  if (lastProgress) io.err('\r\x1b[K');
  const shown = result.diagnostics.filter(
    (d) => verbose || d.severity === 'error' || (!quiet && d.severity === 'warning'),
  );
  for (const d of shown) io.err(`${formatDiagnostic(d)}\n`);
  if (verbose) {
    const stages = Object.entries(result.timings).map(([stage, ms]) => `${stage} ${ms}ms`);
    io.err(`timings: ${stages.join(', ')}\n`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  if (!quiet) {
    const ok = result.pages.filter((p) => p.html !== null).length;
    const pages = ok === result.pages.length ? `${ok}` : `${ok} of ${result.pages.length}`;
    const where = result.config ? result.config.destination : '';
    const status = result.written ? `wrote ${where}` : errors ? 'site not written' : 'nothing written';
    io.out(
      `galley: ${pages} pages, ${result.staticFiles.length} static files, ${result.redirects.length} redirects` +
        ` in ${(result.elapsedMs / 1000).toFixed(2)}s; ${errors} errors, ${warnings} warnings; ${status}\n`,
    );
  }
  // A dangerous destination is a usage error: nothing was read or written.
  if (result.diagnostics.some((d) => d.ruleId === 'output/unsafe-destination')) return 2;
  return errors ? 1 : 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      source: { type: 'string', short: 's' },
      destination: { type: 'string', short: 'd' },
      config: { type: 'string' },
      baseurl: { type: 'string' },
      theme: { type: 'string' },
      'no-theme': { type: 'boolean' },
      'write-on-error': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean', short: 'V' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
