import type { ChangedFile } from '../read/read-changed-file.js';
import type { SourcePage } from '../read/source-site.js';
import type { BuildState } from './build-internals.js';

/** How one changed file updates the kept site, and what must be rendered again because of it. */
export interface SiteEdit {
  /** Puts the new text into the kept source and snapshot. */
  apply(): void;
  /** Source paths of pages to render again because they are the file. */
  pages: string[];
  /** Dependency names (as renders record them) whose readers must render again. */
  dependencies: string[];
  /** True when an include or layout changed (parsed templates must be dropped). */
  templates: boolean;
  /** The new text, for `galley-ignore` comments. */
  text: { file: string; text: string; lineOffset: number };
}

/**
 * Decides whether a changed file can be taken in by itself: a page whose front matter is as it
 * was (so URLs, navigation and every other page's `page` data stay the same), or an existing
 * include or site layout. Anything else gets the reason the whole build must run again.
 */
export function planEdit(state: BuildState, change: ChangedFile): SiteEdit | { why: string } {
  if (change.kind === 'other') return { why: change.why };
  if (change.kind === 'include') {
    const { includes } = state.source;
    if (!includes.has(change.name)) return { why: `_includes/${change.name} is a new include` };
    return {
      apply: () => includes.set(change.name, change.text),
      pages: [],
      dependencies: [`_includes/${change.name}`],
      templates: true,
      text: { file: `_includes/${change.name}`, text: change.text, lineOffset: 0 },
    };
  }
  if (change.kind === 'layout') {
    const { layouts } = state.source;
    const before = layouts.get(change.layout.name);
    if (before?.path !== change.layout.path) return { why: `${change.layout.path} is a new layout` };
    if (change.diagnostics.length || hasReadProblems(state, before.path))
      return { why: `${change.layout.path} has front matter problems` };
    return {
      apply: () => layouts.set(change.layout.name, change.layout),
      pages: [],
      dependencies: [`layout:${change.layout.name}`],
      templates: true,
      text: { file: change.layout.path, text: change.layout.body, lineOffset: change.layout.bodyLine - 1 },
    };
  }
  const page = change.page;
  const index = state.source.pages.findIndex((p) => p.path === page.path);
  const before = state.source.pages[index];
  if (!sameFrontMatter(before, page))
    return { why: `the front matter of ${page.path} changed (it can change URLs and navigation)` };
  if (change.diagnostics.length || hasReadProblems(state, page.path))
    return { why: `${page.path} has problems reading it` };
  const renderable = state.renderable.find((p) => p.source === before);
  const label = page.collection;
  return {
    apply: () => {
      state.source.pages[index] = page;
      if (state.source.relativeFiles.has(page.path)) state.source.relativeFiles.set(page.path, change.text);
      if (renderable) {
        // `site.pages` and the collections hold this same `page` object: one assignment updates them all.
        renderable.source = page;
        (renderable.vars as Record<string, unknown>).content = page.body;
      }
    },
    pages: renderable ? [page.path] : [],
    // Readers of the file itself (include_relative) and of the page lists that hold its content.
    dependencies: [
      page.path,
      'site:*',
      'site:pages',
      'site:html_pages',
      ...(label ? [`site:${label}`, 'site:collections'] : []),
    ],
    templates: false,
    text: { file: page.path, text: page.body, lineOffset: page.bodyLine - 1 },
  };
}

/** Same front matter, defaults applied, and the same key lines (navigation reports use them). */
function sameFrontMatter(a: SourcePage, b: SourcePage): boolean {
  return (
    JSON.stringify([a.data, a.keyLines, a.ownKeys]) === JSON.stringify([b.data, b.keyLines, b.ownKeys]) &&
    a.markdown === b.markdown &&
    a.output === b.output
  );
}

/** True when reading the file gave diagnostics in the previous build (they are kept, not redone). */
function hasReadProblems(state: BuildState, file: string): boolean {
  return state.source.diagnostics.some((d) => d.file === file);
}
