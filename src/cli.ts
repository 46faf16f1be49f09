import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from './build.js';
import { RULES } from './check/rules/index.js';
import type { Diagnostic } from './diagnostics.js';
import { sourceReader } from './read/source-reader.js';
import type { Jobs } from './render/render-threads.js';
import { formatExplain } from './report/format-explain.js';
import { formatGithub } from './report/format-github.js';
import { formatJson } from './report/format-json.js';
import { formatJunit } from './report/format-junit.js';
import { formatSarif } from './report/format-sarif.js';
import { formatTextReport } from './report/format-text-report.js';
import { GALLEY_VERSION as VERSION } from './version.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: galley build [options]
       galley check [options]
       galley check --html DIR [--baseurl PATH] [--config FILES]

galley build renders the site and checks it; galley check checks without writing anything.

options:
  -s, --source DIR         site source (default: .)
  -d, --destination DIR    output folder (default: <source>/_site)
      --config FILES       comma-separated config files, merged in order
      --baseurl PATH       override baseurl
      --theme DIR          fallback theme folder (--no-theme for none)
      --no-check           build only, without the checks
      --no-cache           render every page; neither read nor update .galley-cache/pages.json
      --explain            say why each page was rendered rather than taken from the cache
  -j, --jobs N|auto        render on N threads (default auto: one per core)
      --html DIR           check a folder of built HTML instead of a source
      --external           also check external links (HTTP, cached in .galley-cache/)
  -f, --format FORMAT      text (default), json, sarif, github, junit
      --write-on-error     write the site even when pages failed
  -q, --quiet              print errors only
  -V, --verbose            print every diagnostic and stage timings
  -h, --help               show this help`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  env?: Record<string, string | undefined>;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** Runs the CLI; returns the exit code (0 ok, 1 errors found, 2 bad usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'build' && command !== 'check') {
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
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    io.err(`galley: --format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  const jobs: Jobs = values.jobs === undefined || values.jobs === 'auto' ? 'auto' : Number(values.jobs);
  if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1)) {
    io.err('galley: --jobs must be a positive whole number or auto\n');
    return 2;
  }
  const quiet = Boolean(values.quiet);
  const verbose = Boolean(values.verbose);
  const configFiles = values.config
    ? values.config
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

  if (values.html !== undefined) {
    if (command !== 'check') {
      io.err('galley: --html works with galley check only\n');
      return 2;
    }
    const { checkHtml } = await import('./check.js');
    const result = await checkHtml({ dir: values.html, baseurl: values.baseurl, config: configFiles });
    report(result.diagnostics, format, sourceReader([values.html]), io, { quiet, verbose, stream: 'out' });
    const errors = count(result.diagnostics, 'error');
    if (!quiet && format === 'text') {
      io.out(
        `galley check: ${result.pages} HTML files in ${(result.elapsedMs / 1000).toFixed(2)}s; ` +
          `${errors} errors, ${count(result.diagnostics, 'warning')} warnings\n`,
      );
    }
    return errors ? 1 : 0;
  }

  let lastProgress = 0;
  const startedAt = Date.now();
  const options = {
    source: values.source,
    destination: values.destination,
    config: configFiles,
    baseurl: values.baseurl,
    theme: values['no-theme'] ? (false as const) : values.theme,
    writeOnError: Boolean(values['write-on-error']),
    external: Boolean(values.external),
    cache: !values['no-cache'],
    jobs,
    onProgress: (done: number, total: number) => {
      // A progress line only on a terminal, and only once the build has taken a second.
      const now = Date.now();
      if (quiet || !io.isTTY || now - startedAt < 1000 || now - lastProgress < 100) return;
      lastProgress = now;
      io.err(`\r\x1b[Krendering ${done}/${total} pages`);
    },
  };
  const result =
    command === 'check'
      ? await (await import('./check.js')).check(options)
      : await build({ ...options, check: !values['no-check'] });
  if (lastProgress) io.err('\r\x1b[K');
  if (values.explain && result.cache) io.err(formatExplain(result.cache));
  const roots = result.config ? [result.config.source] : [];
  report(result.diagnostics, format, sourceReader(roots, result.config?.themeDir), io, {
    quiet,
    verbose,
    stream: command === 'check' ? 'out' : 'err',
  });
  if (verbose) {
    const stages = Object.entries(result.timings).map(([stage, ms]) => `${stage} ${ms}ms`);
    io.err(`timings: ${stages.join(', ')}\n`);
  }
  const errors = count(result.diagnostics, 'error');
  const warnings = count(result.diagnostics, 'warning');
  if (!quiet && format === 'text') {
    const ok = result.pages.filter((p) => p.html !== null).length;
    const pages = ok === result.pages.length ? `${ok}` : `${ok} of ${result.pages.length}`;
    const where = result.config ? result.config.destination : '';
    const status = result.written
      ? `wrote ${where}`
      : command === 'check'
        ? 'nothing written'
        : 'site not written';
    io.out(
      `galley${command === 'check' ? ' check' : ''}: ${pages} pages, ${result.staticFiles.length} static files, ${result.redirects.length} redirects` +
        ` in ${(result.elapsedMs / 1000).toFixed(2)}s; ${errors} errors, ${warnings} warnings; ${status}\n`,
    );
  }
  // A dangerous destination is a usage error: nothing was read or written.
  if (result.diagnostics.some((d) => d.ruleId === 'output/unsafe-destination')) return 2;
  return errors ? 1 : 0;
}

function report(
  diagnostics: readonly Diagnostic[],
  format: Format,
  readSource: (file: string) => string | undefined,
  io: Io,
  options: { quiet: boolean; verbose: boolean; stream: 'out' | 'err' },
): void {
  const write = options.stream === 'out' ? io.out : io.err;
  switch (format) {
    case 'json':
      io.out(`${formatJson(diagnostics)}\n`);
      return;
    case 'sarif':
      io.out(`${formatSarif(diagnostics, RULES, VERSION)}\n`);
      return;
    case 'junit':
      io.out(formatJunit(diagnostics));
      return;
    case 'github': {
      const { annotations, summary } = formatGithub(diagnostics);
      if (annotations) io.out(`${annotations}\n`);
      const summaryFile = io.env?.GITHUB_STEP_SUMMARY;
      if (summaryFile && diagnostics.length) appendFileSync(summaryFile, `${summary}\n`);
      return;
    }
    default: {
      const shown = diagnostics.filter(
        (d) => options.verbose || d.severity === 'error' || (!options.quiet && d.severity === 'warning'),
      );
      if (shown.length) write(`${formatTextReport(shown, readSource)}\n`);
    }
  }
}

function count(diagnostics: readonly Diagnostic[], severity: string): number {
  return diagnostics.filter((d) => d.severity === severity).length;
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
      'no-check': { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      explain: { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
      external: { type: 'boolean' },
      html: { type: 'string' },
      format: { type: 'string', short: 'f' },
      'write-on-error': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean', short: 'V' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
