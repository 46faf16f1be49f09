import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyRuleSettings } from './check/apply-rule-settings.js';
import { checkSite } from './check/check-site.js';
import { runExternalCheck } from './check/external/run-external-check.js';
import { inlineIgnores } from './check/inline-ignores.js';
import { defaultSeverityOf } from './check/run-checks.js';
import { type ConfigOverrides, resolveConfig } from './config/resolve-config.js';
import type { SiteConfig } from './config/site-config.js';
import { type Diagnostic, diagnostic, hasErrors, sortDiagnostics } from './diagnostics.js';
import { pageLocation } from './generate/page-url.js';
import {
  collectRedirects,
  type RedirectPage,
  redirectHtml,
  redirectsJson,
  redirectTarget,
} from './generate/redirects.js';
import type { BuildInternals } from './incremental/build-internals.js';
import { recordBuild } from './incremental/record-build.js';
import { type InputProbe, probeInputs, replayUnchangedBuild } from './incremental/replay-unchanged-build.js';
import { buildNav } from './nav/build-nav.js';
import { createPluginRegistry, type GalleyPlugin } from './plugin-api.js';
import { loadPlugins } from './read/load-plugins.js';
import { readBuildRecord } from './read/read-build-record.js';
import { readCodeFingerprint } from './read/read-code-fingerprint.js';
import { readConfigFiles } from './read/read-config.js';
import { PAGE_CACHE_FILE, readPageCache } from './read/read-page-cache.js';
import { previousOutputReader } from './read/read-previous-output.js';
import { readSite } from './read/read-site.js';
import { readsBuildTime } from './render/cache/build-record.js';
import { sha256 } from './render/cache/dependency-hasher.js';
import { siteCacheKey } from './render/cache/page-key.js';
import type { OnRendered, PageRebuild } from './render/render-pages.js';
import { type Jobs, renderPlan } from './render/render-threads.js';
import {
  createSnapshot,
  isRedirect,
  pageVars,
  type RenderablePage,
  type SiteSnapshot,
} from './render/site-snapshot.js';
import {
  endPrestarted,
  type PrestartedWorker,
  prestartRenderWorker,
  sendSnapshotEarly,
} from './render/worker/prestart-worker.js';
import { GALLEY_VERSION } from './version.js';
import { destinationProblem } from './write/destination-guard.js';
import { writePageCache } from './write/write-page-cache.js';
import { type OutputFile, SiteStaging, writeSite } from './write/write-site.js';

export interface BuildOptions {
  /** Site source folder (default: the working folder). */
  source?: string;
  /** Output folder (default: `destination` from the config, else `<source>/_site`). */
  destination?: string;
  /** Config files to merge in order, instead of `<source>/_config.yml`. */
  config?: string[];
  /** Overrides `baseurl` from the config. */
  baseurl?: string;
  /** Folder paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Fallback theme folder; `false` for none (default: Galley's bundled theme). */
  theme?: string | false;
  /** Plugins given in code, applied after the site's own `_plugins`. */
  plugins?: GalleyPlugin[];
  /** Write the site even when some pages failed (failed pages are left out). */
  writeOnError?: boolean;
  /** Set to false to render without writing anything. */
  write?: boolean;
  /** Run the checks (links, anchors, callouts, baseurl joins...) on what was built (default true). */
  check?: boolean;
  /** Also check external links over HTTP (`links/external`, off by default). */
  external?: boolean;
  /** `fetch` for the external check (tests count requests with it). */
  fetch?: typeof fetch;
  /**
   * Threads that render pages: a number, or `auto` (default: one per core, once a batch has enough
   * pages to repay starting workers). Output is the same for any number. Plugins given in code
   * cannot be loaded in a worker, so with `plugins` the build uses one thread.
   */
  jobs?: Jobs;
  /** Called after each page renders. */
  onProgress?: (done: number, total: number) => void;
  /** `site.time`; defaults to SOURCE_DATE_EPOCH when set, else now. */
  now?: Date;
  /**
   * Reuse and update the render cache in `<source>/.galley-cache/pages.json`: pages whose source
   * and recorded dependencies are unchanged are not rendered again. Off by default in the library,
   * so a call never writes into the source unless asked; the CLI turns it on (`--no-cache` off).
   */
  cache?: boolean;
}

/** What the render cache did in a build; `rebuilt` says why each rendered page was not reused. */
export interface CacheReport {
  enabled: boolean;
  /** Pages taken from the cache. */
  reused: number;
  rebuilt: PageRebuild[];
  /** Whether the last build's whole result was reused (`.galley-cache/build.json`), or why not. */
  lastBuild?: { replayed: true } | { replayed: false; reason: string };
}

/** One written (or renderable) page. */
export interface BuiltPage {
  /** Source path relative to the source folder. */
  path: string;
  url: string;
  outputPath: string;
  /** The final HTML, or null when the page failed. */
  html: string | null;
}

export interface BuildResult {
  config: SiteConfig | null;
  pages: BuiltPage[];
  staticFiles: { path: string; outputPath: string }[];
  redirects: RedirectPage[];
  diagnostics: Diagnostic[];
  /** True when the new site replaced the destination. */
  written: boolean;
  /** Milliseconds the build took. */
  elapsedMs: number;
  /** Milliseconds spent in each stage, in pipeline order. */
  timings: Record<string, number>;
  /** What the render cache did (absent when the build stopped before rendering). */
  cache?: CacheReport;
}

/** Galley's bundled default theme: `layouts/` beside `src/` or `dist/`. */
export const DEFAULT_THEME_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'layouts');

/**
 * Builds a Jekyll-style site: reads config, pages, layouts, includes, data and plugins, renders every
 * page (Liquid, Markdown, layouts), adds redirect pages, and writes the result atomically. Never
 * prints; every problem is returned as a diagnostic. The site is not written when any error
 * occurred, unless `writeOnError` is set, so a failed build never replaces a good site.
 */
export async function build(options: BuildOptions = {}, internals?: BuildInternals): Promise<BuildResult> {
  const staging: { current: SiteStaging | null } = { current: null };
  const prestarted: PrestartedWorker[] = [];
  try {
    return await buildSite(options, internals, staging, prestarted);
  } finally {
    // Pages written early for a site that is not written (or a build that threw) go, and so do
    // workers started early that no render took (or that a failed build left).
    await Promise.all([staging.current?.discard(), endPrestarted(prestarted)]);
  }
}

async function buildSite(
  options: BuildOptions,
  internals: BuildInternals | undefined,
  staging: { current: SiteStaging | null },
  prestarted: PrestartedWorker[],
): Promise<BuildResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const timings: Record<string, number> = {};
  let stageStart = started;
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - stageStart);
    stageStart = now;
  };
  const finish = (partial: Partial<BuildResult>): BuildResult => ({
    config: null,
    pages: [],
    staticFiles: [],
    redirects: [],
    written: false,
    ...partial,
    diagnostics: sortDiagnostics(diagnostics),
    timings,
    elapsedMs: Math.round(performance.now() - started),
  });

  const sourceGuess = path.resolve(cwd, options.source ?? '.');
  const read = await readConfigFiles(options.config, cwd, sourceGuess);
  diagnostics.push(...read.diagnostics);
  const overrides: ConfigOverrides = {
    source: options.source,
    destination: options.destination,
    baseurl: options.baseurl,
    themeDir:
      options.theme === false ? null : options.theme ? path.resolve(cwd, options.theme) : defaultTheme(),
  };
  const resolved = resolveConfig(read.documents, cwd, overrides);
  diagnostics.push(...resolved.diagnostics);
  const config = resolved.config;
  if (hasErrors(diagnostics)) return finish({ config });
  if (!existsSync(config.source)) {
    diagnostics.push(diagnostic('config/source', 'error', config.source, 'source folder does not exist'));
    return finish({ config });
  }
  const unsafe = await destinationProblem(config.destination, config.source);
  if (unsafe) {
    diagnostics.push(
      diagnostic('output/unsafe-destination', 'error', config.files[0] ?? '(options)', unsafe, {
        hint: 'choose an output folder that neither is nor contains the source, e.g. <source>/_site',
      }),
    );
    return finish({ config });
  }

  const { registry, api } = createPluginRegistry(Object.freeze({ ...config.values }));
  const pluginFingerprint = await loadPlugins(config, api, options.plugins ?? [], diagnostics);

  lap('config');
  const check = options.check !== false;
  const cacheOn = options.cache === true;
  const siteKey = siteCacheKey(config, GALLEY_VERSION, [readCodeFingerprint(), ...pluginFingerprint], check);
  // A build with nothing changed returns the last build's result (see replayUnchangedBuild). Not
  // with plugins (their code may read anything), the external link check (the network changes),
  // `galley check` (writes nothing) or a long-lived builder (keeps its own state).
  const pinnedNow = options.now ?? sourceDateEpoch();
  const recordKey = sha256(
    JSON.stringify({
      siteKey,
      destination: config.destination,
      writeOnError: Boolean(options.writeOnError),
      // The replayed diagnostics name config files relative to the working folder, so a replay
      // needs the same names (the render cache does not: siteCacheKey leaves them out).
      configFiles: config.files,
    }),
  );
  let probe: InputProbe | null = null;
  let notReplayed: string | undefined;
  const recordRead =
    cacheOn &&
    options.write !== false &&
    !internals &&
    pluginFingerprint.length === 0 &&
    !options.external &&
    !ruleEnabled(config.check, 'links/external')
      ? await readBuildRecord(config.source, GALLEY_VERSION)
      : undefined;
  const record = recordRead?.record ?? null;
  if (recordRead) {
    diagnostics.push(...recordRead.diagnostics);
    probe = await probeInputs(config, [config.destination]);
    const replay = await replayUnchangedBuild(
      config.source,
      config.destination,
      recordKey,
      pinnedNow?.getTime() ?? null,
      probe,
      record,
    );
    if ('replayed' in replay) {
      const { pages, staticFiles, redirects } = replay.replayed;
      diagnostics.splice(0, diagnostics.length, ...replay.replayed.diagnostics);
      lap('replay');
      const cache: CacheReport = {
        enabled: true,
        reused: pages.length,
        rebuilt: [],
        lastBuild: { replayed: true },
      };
      return finish({ config, cache, pages, staticFiles, redirects, written: true });
    }
    notReplayed = replay.reason;
  }
  // Loaded only now: Liquid, unified and micromark are most of the start-up time of a replay.
  // Not waited for until the snapshot is made (and sent to early workers): the loading overlaps
  // the reading, and the workers do not wait for this thread's compiling.
  const renderModules = Promise.all([
    import('./render/page-renderer.js'),
    import('./render/render-context.js'),
    import('./render/render-pages.js'),
  ]);
  // Awaited below; a failure while reading must not leave it rejected with no handler.
  renderModules.catch(() => undefined);
  // A build that will render many pages (no cache to take them from) starts its render workers
  // as soon as the source's files are counted: they load the renderer while this thread reads
  // (a worker's start was ~0.4 s after the read on the 4,000-page bench site).
  const mayPrestart =
    !options.plugins?.length &&
    !internals?.memoryCache?.previous &&
    !(cacheOn && existsSync(path.join(config.source, PAGE_CACHE_FILE)));
  const source = await readSite(config, [config.destination], (files) => {
    if (!mayPrestart) return;
    for (let i = renderPlan(files, options.jobs ?? 'auto').workers; i > 0; i--)
      prestarted.push(prestartRenderWorker());
  });
  lap('read');
  diagnostics.push(...source.diagnostics);
  for (const generator of registry.generators) {
    try {
      await generator({ config: config.values, pages: source.pages, data: source.data });
    } catch (error) {
      diagnostics.push(
        diagnostic(
          'plugin/generator-failed',
          'error',
          config.pluginsDir,
          `generator failed: ${(error as Error).message}`,
          { cause: error },
        ),
      );
    }
  }

  const renderable: RenderablePage[] = [];
  for (const page of source.pages) {
    if (page.data.published === false) continue;
    const location = pageLocation(page, config);
    if ('error' in location) {
      diagnostics.push(
        diagnostic('frontmatter/permalink', 'error', page.path, location.error, {
          line: page.keyLines.permalink,
          // Top-level keys start at column 1; a permalink from `defaults` has no line in the page.
          column: page.keyLines.permalink === undefined ? undefined : 1,
        }),
      );
      continue;
    }
    renderable.push({
      source: page,
      url: location.url,
      outputPath: location.outputPath,
      vars: pageVars(page, location.url),
    });
  }
  // `check.rules: {menu/unlisted-page: warning}` turns the check on as `nav.check_unlisted` does.
  const unlistedOn = config.nav.checkUnlisted || ruleEnabled(config.check, 'menu/unlisted-page');
  const nav = buildNav(
    renderable,
    { ...config, nav: { ...config.nav, checkUnlisted: unlistedOn } },
    source.dataTexts,
  );
  diagnostics.push(...nav.diagnostics);
  for (const page of renderable) page.vars = { ...page.vars, ...nav.pageVars(page) };
  const now = options.now ?? sourceDateEpoch() ?? new Date();
  const snapshot = createSnapshot(source, renderable, nav.site, now);
  // The workers started early get the snapshot before this thread waits for the renderer.
  sendSnapshotEarly(prestarted, snapshot, check);
  const [{ pageRenderer }, { createRenderContext }, { renderPages }] = await renderModules;
  const ctx = createRenderContext(snapshot, registry, { collectFacts: check });
  lap('prepare');

  const toWrite = renderable.filter((p) => p.source.output);
  let rendering = 0;
  // Each page's file goes to the staging folder as soon as it is rendered, so the disk works
  // while the render does; writeSite finishes that folder (or it is discarded).
  if (options.write !== false) staging.current = new SiteStaging(config.destination, config.keepFiles);
  const onRendered: OnRendered = (page, done) => {
    options.onProgress?.(++rendering, toWrite.length);
    if (done.html !== null) staging.current?.add(page.outputPath, done.html);
  };
  const { render: renderer, close: closeRenderer } = await pageRenderer(ctx, snapshot, {
    jobs: options.jobs ?? 'auto',
    collectFacts: check,
    onRendered,
    workers: !options.plugins?.length,
    prestarted,
  });
  // A long-lived builder (src/incremental/) keeps the cache in memory instead of reading the file.
  const memory = internals?.memoryCache;
  const previous = cacheOn && !memory?.previous ? await readPageCache(config.source, GALLEY_VERSION) : null;
  if (previous) diagnostics.push(...previous.diagnostics);
  const renderedFrom = diagnostics.length;
  const previousCache = memory?.previous ?? previous?.cache ?? null;
  // Cached pages' HTML is read back from the site the cache was saved with, wherever this build
  // writes (-d may differ): each file is used only when it still hashes as the entry says.
  const previousSite = previousCache?.destination ?? config.destination;
  // Workers are stopped whether the render succeeds or not: a live worker would keep the process
  // from exiting after a failed build.
  const rendered = await renderPages(
    toWrite,
    ctx,
    previous || memory
      ? {
          previous: previousCache,
          siteKey,
          galleyVersion: GALLEY_VERSION,
          destination: config.destination,
          readOutput: previousOutputReader(previousSite),
          outputLabel: displayPath(cwd, previousSite),
        }
      : null,
    renderer,
  ).finally(() => closeRenderer?.());
  diagnostics.push(...rendered.diagnostics);
  const checked = rendered.checked;
  const pages: BuiltPage[] = toWrite.map((page, i) => ({
    path: page.source.path,
    url: page.url,
    outputPath: page.outputPath,
    html: rendered.html[i],
  }));
  const cacheReport: CacheReport = {
    enabled: cacheOn,
    reused: rendered.reused,
    rebuilt: rendered.rebuilt,
    ...(notReplayed ? { lastBuild: { replayed: false, reason: notReplayed } } : {}),
  };
  // `write: false` (galley check) writes nothing at all: the cache is read, never updated. Saved
  // after the site: tens of megabytes written just before the site's thousands of small files
  // make the file system stall those (seen: the write stage went from 0.2 s to 2.5 s).
  // A site not written leaves the cached pages' outputs where they were: the cache says so.
  const savePageCache = async (written: boolean) => {
    if (!rendered.nextCache || !cacheOn || options.write === false) return;
    const destination = written ? config.destination : previousSite;
    try {
      await writePageCache(config.source, { ...rendered.nextCache, destination });
    } catch (error) {
      // Saved after the rule settings were applied to the rest: apply them to this one too.
      const failed = diagnostic(
        'cache/write-failed',
        'warning',
        PAGE_CACHE_FILE,
        `could not save the render cache: ${(error as Error).message}`,
        { cause: error },
      );
      diagnostics.push(...applyRuleSettings([failed], checkConfig, ignores));
    }
  };

  lap('render');
  const { redirects, diagnostics: redirectProblems } = collectRedirects(
    renderable,
    config.url,
    config.baseurl,
  );
  diagnostics.push(...redirectProblems);
  // redirects.json lists redirect_from entries and pages that are themselves redirect_to redirects.
  const redirectMap = [
    ...redirects,
    ...toWrite.filter(isRedirect).map((p) => ({
      from: p.url,
      to: redirectTarget(String(p.source.data.redirect_to), config.url, config.baseurl),
    })),
  ];
  const lines = new Map(toWrite.map((p) => [p.source.path, p.source.keyLines.permalink]));
  const files = assembleOutput(pages, source.staticFiles, redirects, redirectMap, lines, diagnostics);
  // A file read back from this destination for the render cache, and to be written with the same
  // text, is linked by the write stage without reading it again while its stamp is unchanged.
  if (previousSite === config.destination && rendered.readBack.size > 0) {
    for (const [n, f] of files.entries()) {
      const read = rendered.readBack.get(f.outputPath);
      if (read && 'content' in f && read.html === f.content) files[n] = { ...f, unchangedSince: read.stamp };
    }
  }
  const assembledTo = diagnostics.length;

  const checkConfig = options.external
    ? { ...config.check, rules: { ...config.check.rules, 'links/external': 'error' as const } }
    : config.check;
  if (check) {
    lap('assemble');
    const external = ruleEnabled(checkConfig, 'links/external')
      ? await runExternalCheck(
          checked.map((c) => c.facts),
          { baseurl: config.baseurl, siteUrl: config.url, source: config.source, check: checkConfig },
          diagnostics,
          options.fetch,
        )
      : undefined;
    diagnostics.push(
      ...(internals?.checkSite ?? checkSite)({
        config: { ...config, check: checkConfig },
        external,
        pages: checked,
        otherFiles: files.map((f) => f.outputPath),
        pageBaseurls: pageBaseurls(renderable),
        filterNames: Object.keys(ctx.liquid.filters),
      }),
    );
    lap('check');
  }
  internals?.onState?.({
    config,
    source,
    renderable,
    toWrite,
    snapshot,
    ctx,
    registry,
    siteKey,
    rendered,
    files,
    checkConfig,
    // Everything but the pages' render diagnostics and the checks' findings, in build order.
    otherDiagnostics: {
      before: diagnostics.slice(0, renderedFrom),
      after: diagnostics.slice(renderedFrom + rendered.diagnostics.length, assembledTo),
    },
    ignoreTexts: [...ignoreSources(snapshot)],
  });
  const ignores = inlineIgnores(ignoreSources(snapshot));
  const settled = applyRuleSettings(diagnostics, checkConfig, ignores);
  diagnostics.splice(0, diagnostics.length, ...settled);

  const result = {
    config,
    cache: cacheReport,
    pages,
    staticFiles: source.staticFiles.map(({ path: p, outputPath }) => ({ path: p, outputPath })),
    redirects,
  };
  // Checker findings set the exit code but do not stop a complete site being written; failed pages do.
  if (options.write === false || (hasErrors(settled.filter(isBuildProblem)) && !options.writeOnError)) {
    await savePageCache(false);
    return finish(result);
  }
  try {
    await writeSite(config.destination, files, config.keepFiles, staging.current ?? undefined);
    lap('write');
    await savePageCache(true);
    lap('cache');
    if (probe) {
      const readsTime = rendered.byPage.some((p) => p.dependencies && readsBuildTime(p.dependencies));
      await recordBuild({
        source: config.source,
        destination: config.destination,
        galleyVersion: GALLEY_VERSION,
        key: recordKey,
        now: readsTime ? (pinnedNow?.getTime() ?? 'unpinned') : null,
        // A failed page may have failed on a time limit, and an unhashable dependency is never reused.
        repeatable:
          pages.every((p) => p.html !== null) &&
          !Object.values(rendered.entries?.entries ?? {}).some((e) =>
            Object.values(e.deps).some((h) => h.startsWith('unhashable-')),
          ),
        probe,
        previous: record,
        pages,
        staticFiles: result.staticFiles,
        redirects,
        diagnostics: sortDiagnostics(diagnostics),
      }).catch(() => undefined);
      lap('record');
    }
  } catch (error) {
    diagnostics.push(
      diagnostic(
        'output/write-failed',
        'error',
        config.destination,
        `could not write the site: ${(error as Error).message}`,
        { cause: error },
      ),
    );
    await savePageCache(false);
    return finish(result);
  }
  return finish({ ...result, written: true });
}

/**
 * Lists the files to write, first claim wins: pages, then static files, then redirect pages. A
 * second claim on the same output path is an error naming both sources (Jekyll silently
 * overwrites).
 */
function assembleOutput(
  pages: readonly BuiltPage[],
  staticFiles: readonly { path: string; absPath: string; outputPath: string }[],
  redirects: readonly RedirectPage[],
  redirectMap: readonly { from: string; to: string }[],
  permalinkLines: ReadonlyMap<string, number | undefined>,
  diagnostics: Diagnostic[],
): OutputFile[] {
  const owners = new Map<string, string>();
  const files: OutputFile[] = [];
  const claim = (
    outputPath: string,
    owner: string,
    line: number | undefined,
    file: () => OutputFile | null,
  ) => {
    const first = owners.get(outputPath);
    if (first !== undefined) {
      const twice = first === owner;
      diagnostics.push(
        diagnostic(
          'output/collision',
          'error',
          owner,
          twice
            ? `${outputPath} is listed twice in the redirect_from of ${owner}`
            : `${outputPath} is written by both ${first} and ${owner}`,
          {
            line,
            hint: twice
              ? 'remove the repeated entry'
              : `${first} is kept; change the permalink or redirect_from of one of them`,
          },
        ),
      );
      return;
    }
    owners.set(outputPath, owner);
    const f = file();
    if (f) files.push(f);
  };
  for (const p of pages) {
    claim(p.outputPath, p.path, permalinkLines.get(p.path), () =>
      p.html === null ? null : { outputPath: p.outputPath, content: p.html },
    );
  }
  for (const s of staticFiles) {
    claim(s.outputPath, s.path, undefined, () => ({ outputPath: s.outputPath, copyFrom: s.absPath }));
  }
  for (const r of redirects) {
    claim(r.outputPath, r.sourcePath, r.line, () => ({
      outputPath: r.outputPath,
      content: redirectHtml(r.to),
    }));
  }
  if (redirectMap.length) {
    claim('redirects.json', 'redirect_from', undefined, () => ({
      outputPath: 'redirects.json',
      content: redirectsJson(redirectMap),
    }));
  }
  return files;
}

/** Distinct `page.baseurl` values that look like base paths (`/guides/v2.0/`), for baseurl/hard-coded. */
function pageBaseurls(pages: readonly RenderablePage[]): string[] {
  const values = new Set<string>();
  for (const p of pages) {
    const v = p.vars.baseurl;
    if (typeof v === 'string' && v.startsWith('/') && v.replace(/\/+$/, '') !== '') values.add(v);
  }
  return [...values].sort();
}

/** Source texts that may hold `<!-- galley-ignore -->` comments: pages, includes, layouts. */
export function* ignoreSources(snapshot: SiteSnapshot) {
  for (const p of snapshot.pages)
    yield { file: p.source.path, text: p.source.body, lineOffset: p.source.bodyLine - 1 };
  for (const [name, text] of snapshot.includes) yield { file: `_includes/${name}`, text, lineOffset: 0 };
  for (const l of snapshot.layouts.values()) yield { file: l.path, text: l.body, lineOffset: l.bodyLine - 1 };
}

/** True when `check.rules` or an override turns the rule on. */
function ruleEnabled(check: SiteConfig['check'], ruleId: string): boolean {
  return [check.rules[ruleId], ...check.overrides.map((o) => o.rules[ruleId])].some(
    (s) => s !== undefined && s !== 'off',
  );
}

/** Problems of the pipeline itself (a page failed), as opposed to findings of the checker. */
export function isBuildProblem(d: Diagnostic): boolean {
  return defaultSeverityOf(d.ruleId) === undefined;
}

/** A folder as messages name it: relative to the working folder when inside it (`_site`), else absolute. */
function displayPath(cwd: string, folder: string): string {
  const rel = path.relative(cwd, folder);
  return rel === ''
    ? '.'
    : rel.startsWith('..') || path.isAbsolute(rel)
      ? folder
      : rel.split(path.sep).join('/');
}

function defaultTheme(): string | undefined {
  return existsSync(DEFAULT_THEME_DIR) ? DEFAULT_THEME_DIR : undefined;
}

function sourceDateEpoch(): Date | undefined {
  const v = process.env.SOURCE_DATE_EPOCH;
  return v && /^\d+$/.test(v) ? new Date(Number(v) * 1000) : undefined;
}
