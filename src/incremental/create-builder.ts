import path from 'node:path';
import { type BuildOptions, type BuildResult, build, isBuildProblem } from '../build.js';
import { applyRuleSettings } from '../check/apply-rule-settings.js';
import { inlineIgnores } from '../check/inline-ignores.js';
import type { PageFacts } from '../check/page-facts.js';
import { type Diagnostic, diagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { readChangedFile } from '../read/read-changed-file.js';
import { createRenderContext } from '../render/render-context.js';
import { type RenderedPage, renderPage } from '../render/render-page.js';
import { updateSite } from '../write/update-site.js';
import { type OutputFile, writeSite } from '../write/write-site.js';
import type { BuildState } from './build-internals.js';
import { type CheckedPage, createPageChecker } from './page-checker.js';
import { planEdit, type SiteEdit } from './plan-edit.js';

/** What a rebuild did, besides what every build reports. */
export interface RebuildReport {
  /** `edit`: only what the changed files touch was redone; `full`: the whole build ran again. */
  mode: 'edit' | 'full';
  /** Why the whole build ran (`full` only). */
  why?: string;
  /** Source paths of the pages rendered again, in page order. */
  rendered: string[];
  /** Source paths of the pages checked again (`edit` only; a full build checks all). */
  rechecked: string[];
  /** Output paths written (`edit` only; a full build writes the whole site). */
  written: string[];
}

export interface RebuildResult extends BuildResult {
  rebuild: RebuildReport;
}

/** A site kept in memory between builds; see `createBuilder`. */
export interface Builder {
  /** Builds the whole site (as `build()` does) and keeps what it read and rendered. */
  build(): Promise<RebuildResult>;
  /**
   * Takes the listed files (absolute, or relative to the source folder) as changed and brings the
   * site up to date, redoing only what they touch when it can; otherwise runs the whole build
   * again, reusing every page whose inputs did not change.
   */
  rebuild(changes: { changed: readonly string[] }): Promise<RebuildResult>;
}

/**
 * A long-lived builder for watch modes and editors. The first `build()` reads and renders the
 * whole site; after that an edit to a page body re-reads that one file, renders that page (and
 * the pages that read `site.pages` or include the file), checks it and the pages linking to it
 * when its anchors changed, and rewrites only the output files whose bytes changed. An edit to an
 * include or layout renders exactly the pages that used it. Anything else (front matter, data,
 * config, added or deleted files) runs the whole build again over the pages kept in memory.
 * The output is the same as a fresh `build()` with the same options would give.
 */
export function createBuilder(options: BuildOptions = {}): Builder {
  let state: BuildState | null = null;
  let last: BuildResult | null = null;
  // True when the destination holds exactly `state.files`: then an edit may update it in place.
  let inPlace = false;
  // Pages (indexes into `toWrite`) by each dependency they read; made on the first edit.
  let readers: Map<string, Set<number>> | null = null;
  const checker = createPageChecker();
  // The checker's facts of each page that rendered, by source path.
  let facts = new Map<string, PageFacts>();
  const check = options.check !== false;
  // Texts holding `galley-ignore` comments, by file: scanning every page for them on each edit would cost more than the edit.
  const ignoreTexts = new Map<string, { file: string; text: string; lineOffset: number }>();
  const keepIgnores = (t: { file: string; text: string; lineOffset: number }) => {
    if (t.text.includes('galley-ignore')) ignoreTexts.set(t.file, t);
    else ignoreTexts.delete(t.file);
  };

  const full = async (why: string): Promise<RebuildResult> => {
    let captured: BuildState | null = null;
    const result = await build(options, {
      memoryCache: { previous: state?.rendered.entries ?? null },
      checkSite: (input) => checker.checkAll(input),
      onState: (s) => {
        captured = s;
      },
    });
    state = captured;
    readers = null;
    facts = new Map(
      ((captured as BuildState | null)?.rendered.checked ?? []).map((c) => [c.facts.path, c.facts]),
    );
    last = result;
    inPlace = result.written;
    ignoreTexts.clear();
    for (const t of (captured as BuildState | null)?.ignoreTexts ?? []) keepIgnores(t);
    const rendered = (result.cache?.rebuilt ?? []).map((r) => r.path);
    return { ...result, rebuild: { mode: 'full', why, rendered, rechecked: [], written: [] } };
  };

  const rebuild = async (changes: { changed: readonly string[] }): Promise<RebuildResult> => {
    const started = performance.now();
    if (!state || !last) return full('there was no build to start from');
    const current: BuildState = state;
    if (options.external) return full('external links are checked on every full build');
    if (current.registry.generators.length) return full('plugin generators may change any page');
    const edits: SiteEdit[] = [];
    // `config.files` name the files relative to the working folder, as diagnostics do.
    const configFiles = current.config.files.map((f) => path.resolve(options.cwd ?? process.cwd(), f));
    for (const file of changes.changed) {
      const abs = path.resolve(current.config.source, file);
      if (configFiles.includes(abs)) return full(`${file} is a config file`);
      const rel = path.relative(current.config.source, abs).split(path.sep).join('/');
      const known = current.source.pages.find((p) => p.path === rel);
      const plan = planEdit(current, await readChangedFile(current.config, abs, known));
      if ('why' in plan) return full(plan.why);
      edits.push(plan);
    }
    const timings: Record<string, number> = {};
    let lapStart = started;
    const lap = (stage: string) => {
      const now = performance.now();
      timings[stage] = Math.round(now - lapStart);
      lapStart = now;
    };

    const direct = new Set<string>();
    const dirty = new Set<string>();
    let templatesChanged = false;
    for (const e of edits) {
      e.apply();
      keepIgnores(e.text);
      for (const p of e.pages) direct.add(p);
      for (const d of e.dependencies) dirty.add(d);
      templatesChanged ||= e.templates;
    }
    // Parsed includes and layouts are cached in the render context: start a fresh one.
    if (templatesChanged)
      current.ctx = createRenderContext(current.snapshot, current.registry, { collectFacts: check });
    lap('read');

    const { toWrite, rendered } = current;
    readers ??= readersOf(rendered.byPage);
    const redoSet = new Set<number>();
    for (const [i, page] of toWrite.entries()) {
      if (direct.has(page.source.path) && rendered.byPage[i].dependencies !== null) redoSet.add(i);
    }
    for (const d of dirty) for (const i of readers.get(d) ?? []) redoSet.add(i);
    const redo = [...redoSet].sort((a, b) => a - b);
    const fresh: RenderedPage[] = [];
    for (const i of redo) fresh.push(await renderPage(toWrite[i], current.ctx));
    lap('render');
    // A page that starts or stops failing changes which files the site has: the whole build decides that.
    if (redo.some((i, n) => (rendered.html[i] === null) !== (fresh[n].html === null))) {
      for (const i of redo) delete rendered.entries?.entries[toWrite[i].source.path];
      return full('a page started or stopped failing');
    }

    const fileIndex = new Map(current.files.map((f, n) => [f.outputPath, n]));
    const changedFiles: OutputFile[] = [];
    const renderedPaths: string[] = [];
    for (const [n, i] of redo.entries()) {
      const page = toWrite[i];
      const out = fresh[n];
      renderedPaths.push(page.source.path);
      // The cache entry no longer matches the page: a later full build renders it again.
      delete rendered.entries?.entries[page.source.path];
      for (const d of rendered.byPage[i].dependencies ?? []) readers.get(d)?.delete(i);
      rendered.byPage[i] = { diagnostics: out.diagnostics, dependencies: out.dependencies };
      for (const d of out.dependencies) addReader(readers, d, i);
      if (out.facts) facts.set(page.source.path, out.facts);
      if (out.html === rendered.html[i]) continue;
      rendered.html[i] = out.html;
      const at = fileIndex.get(page.outputPath);
      const file = at === undefined ? undefined : current.files[at];
      // Only the page that claimed the output path first owns the file (a collision is an error).
      if (file && 'content' in file && out.html !== null && ownerOf(current, page.outputPath) === i) {
        const updated = { outputPath: page.outputPath, content: out.html };
        current.files[at as number] = updated;
        changedFiles.push(updated);
      }
    }

    let rechecked: string[] = [];
    if (check) {
      const checked: CheckedPage[] = [];
      for (const i of redo) {
        const pageFacts = facts.get(toWrite[i].source.path);
        if (pageFacts) checked.push({ outputPath: toWrite[i].outputPath, facts: pageFacts });
      }
      rechecked = checker.update(checked);
    }
    lap('check');

    const diagnostics: Diagnostic[] = [
      ...current.otherDiagnostics.before,
      ...rendered.byPage.flatMap((p) => p.diagnostics),
      ...current.otherDiagnostics.after,
      ...(check ? checker.diagnostics() : []),
    ];
    const settled = sortDiagnostics(
      applyRuleSettings(diagnostics, current.checkConfig, inlineIgnores(ignoreTexts.values())),
    );
    let written = false;
    const wasInPlace = inPlace;
    const writeable =
      options.write !== false && !(hasErrors(settled.filter(isBuildProblem)) && !options.writeOnError);
    if (writeable) {
      try {
        if (wasInPlace) await updateSite(current.config.destination, changedFiles, []);
        else await writeSite(current.config.destination, current.files, current.config.keepFiles);
        written = true;
      } catch (error) {
        settled.push(
          diagnostic(
            'output/write-failed',
            'error',
            current.config.destination,
            `could not write the site: ${(error as Error).message}`,
            { cause: error },
          ),
        );
      }
    }
    // An edit not written leaves the destination behind the state: the next write replaces it whole.
    inPlace = written || (inPlace && changedFiles.length === 0);
    lap('write');
    const pages = [...last.pages];
    for (const i of redo) pages[i] = { ...pages[i], html: rendered.html[i] };
    const result: RebuildResult = {
      config: current.config,
      pages,
      staticFiles: last.staticFiles,
      redirects: last.redirects,
      diagnostics: settled,
      written,
      elapsedMs: Math.round(performance.now() - started),
      timings,
      cache: {
        enabled: true,
        reused: toWrite.length - redo.length,
        rebuilt: renderedPaths.map((p) => ({
          path: p,
          reason: direct.has(p) ? 'the page changed' : 'something it read changed',
        })),
      },
      rebuild: {
        mode: 'edit',
        rendered: renderedPaths,
        rechecked,
        written: written ? (wasInPlace ? changedFiles : current.files).map((f) => f.outputPath) : [],
      },
    };
    last = result;
    return result;
  };

  return { build: () => full('first build'), rebuild };
}

/** Index in `toWrite` of the first page claiming an output path (the page whose file is written). */
function ownerOf(state: BuildState, outputPath: string): number {
  return state.toWrite.findIndex((p) => p.outputPath === outputPath);
}

/** Index from each dependency name to the pages that read it. */
function readersOf(byPage: BuildState['rendered']['byPage']): Map<string, Set<number>> {
  const readers = new Map<string, Set<number>>();
  for (const [i, p] of byPage.entries()) for (const d of p.dependencies ?? []) addReader(readers, d, i);
  return readers;
}

function addReader(readers: Map<string, Set<number>>, dependency: string, page: number): void {
  const set = readers.get(dependency);
  if (set) set.add(page);
  else readers.set(dependency, new Set([page]));
}
