import type { CheckConfig } from '../check/check-config.js';
import type { CheckInput } from '../check/check-site.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { PluginRegistry } from '../plugin-api.js';
import type { SourceSite } from '../read/source-site.js';
import type { PageCache } from '../render/cache/page-cache.js';
import type { RenderContext } from '../render/render-context.js';
import type { RenderedPages } from '../render/render-pages.js';
import type { RenderablePage, SiteSnapshot } from '../render/site-snapshot.js';
import type { OutputFile } from '../write/write-site.js';

/**
 * Hooks a long-lived builder passes to `build()`: the render cache kept in memory, its own
 * page-by-page checker, and a look at the build's state so that later edits redo only what they
 * touch. Not part of the public API.
 */
export interface BuildInternals {
  /** The previous build's cache entries, used instead of `.galley-cache/pages.json`. */
  memoryCache?: { previous: PageCache | null };
  /** Replaces `checkSite`. */
  checkSite?: (input: CheckInput) => Diagnostic[];
  /** Called once the site is rendered, assembled and checked, before it is written. */
  onState?: (state: BuildState) => void;
}

/** What a build knows once the site is assembled; the builder keeps it between edits. */
export interface BuildState {
  config: SiteConfig;
  source: SourceSite;
  renderable: RenderablePage[];
  /** The pages that are written, in the order of `rendered`. */
  toWrite: RenderablePage[];
  snapshot: SiteSnapshot;
  ctx: RenderContext;
  registry: PluginRegistry;
  /** The site part of every page's cache key. */
  siteKey: string;
  rendered: RenderedPages;
  files: OutputFile[];
  checkConfig: CheckConfig;
  /** Diagnostics from before rendering (read, plugins, navigation, cache) and after it (redirects, output). */
  otherDiagnostics: { before: Diagnostic[]; after: Diagnostic[] };
  /** Texts that may hold `galley-ignore` comments. */
  ignoreTexts: { file: string; text: string; lineOffset: number }[];
}
