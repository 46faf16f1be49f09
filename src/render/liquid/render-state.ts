import type { Template } from 'liquidjs';

/** Key under which a page render keeps its state on the Liquid scope; templates cannot reach symbols. */
export const RENDER_STATE = Symbol('galley.renderState');

/** Maximum include nesting; Jekyll sites nest three deep in practice, cycles are caught separately. */
export const MAX_INCLUDE_DEPTH = 16;

/** Looks up and parses include files; one per site (or worker), shared by all page renders. */
export interface IncludeSource {
  /** Text of `_includes/<relPath>`, or undefined when there is no such include. */
  include(relPath: string): string | undefined;
  /** Names of all includes, for "did you mean" hints. */
  includeNames(): readonly string[];
  /** Text of a source file for include_relative (`relPath` from the source root). */
  sourceFile(relPath: string): string | undefined;
  /** Parsed templates of an include, cached by key. */
  parse(key: string, text: string, file: string): Template[];
  /** URL of the page built from `relPath`, for `{% link %}`. */
  urlOf(relPath: string): string | undefined;
}

/** Per-render state: where we are and what the render read. */
export interface RenderState {
  /** Source path (relative to the site) of the page or layout being rendered. */
  file: string;
  /**
   * The page is Markdown: Jekyll's Markdown converter sets `highlighter_prefix` and
   * `highlighter_suffix` to a newline, so a `{% highlight %}` block stands on its own lines.
   */
  markdown?: boolean;
  /** Include files entered and not yet left, outermost first; each as `path:line`. */
  chain: { file: string; line: number }[];
  source: IncludeSource;
  /** Includes, layouts, files, `site` keys and data this render read (for the render cache). */
  dependencies: Set<string>;
  /** The `site` object as this render sees it (wrapped to record what it reads). */
  site?: Readonly<Record<string, unknown>>;
  /** Unknown variables and filters met while rendering, when the checks asked for them. */
  problems?: LiquidProblem[];
}

/** Something a strict Liquid would refuse, recorded instead so the page still renders. */
export interface LiquidProblem {
  kind: 'unknown-variable' | 'unknown-filter';
  /** The variable path or filter name. */
  name: string;
  /** Template file and offset of the tag or filter. */
  file: string;
  offset: number;
  /** The page or layout being rendered (root of the include chain). */
  root: string;
  chain: { file: string; line: number }[];
}
