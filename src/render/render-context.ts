import type { Liquid, Template } from 'liquidjs';
import type { Processor } from 'unified';
import type { PluginRegistry } from '../plugin-api.js';
import { createLiquid } from './liquid/create-liquid.js';
import { enableOutputMaps } from './liquid/output-map.js';
import type { IncludeSource } from './liquid/render-state.js';
import { markdownLimitProblem } from './markdown/markdown-limits.js';
import { createMarkdownProcessor, renderMarkdown } from './markdown/render-markdown.js';
import { runWithTimeLimit } from './markdown/run-with-time-limit.js';
import type { RenderablePage, SiteSnapshot } from './site-snapshot.js';
import type { TemplateText, TemplateTexts } from './source-location.js';

/** What rendering needs besides the page: the snapshot plus engines built once per site or worker. */
export interface RenderContext {
  snapshot: SiteSnapshot;
  liquid: Liquid;
  markdown: Processor;
  includeSource: IncludeSource;
  /** Parsed layouts by name (parsed on first use). */
  layoutTemplates: Map<string, Template[]>;
  /** Map Liquid output to its source and collect each page's facts for the checks. */
  collectFacts: boolean;
  /** Template texts by the file names Liquid tokens carry, for turning offsets into lines. */
  templateTexts(page: RenderablePage): TemplateTexts;
  /** Runs one Markdown conversion under `markdown_time_limit` (see `MarkdownGuard`). */
  guardMarkdown: MarkdownGuard;
}

/**
 * Runs a synchronous Markdown conversion so that a stuck one cannot hang the build. In this
 * thread that is a vm watchdog (`runWithTimeLimit`); a render worker instead marks the start on a
 * clock its pool watches, and the pool stops the worker (src/render/worker/markdown-clock.ts).
 */
export type MarkdownGuard = <T>(convert: () => T) => T;

/** Builds the Liquid engine, the frozen Markdown processor and the include cache for a snapshot. */
export function createRenderContext(
  snapshot: SiteSnapshot,
  plugins: PluginRegistry,
  options: { collectFacts?: boolean; guardMarkdown?: MarkdownGuard } = {},
): RenderContext {
  const limitMs = snapshot.config.markdownTimeLimit;
  const guardMarkdown: MarkdownGuard =
    options.guardMarkdown ?? ((convert) => runWithTimeLimit(convert, limitMs));
  const markdown = createMarkdownProcessor({
    kramdown: { ...snapshot.config.kramdown, tocLevels: snapshot.config.tocLevels },
    remarkPlugins: plugins.remarkPlugins,
    rehypePlugins: plugins.rehypePlugins,
  });
  const markdownify = (text: string) => {
    const refused = markdownLimitProblem(text);
    if (refused) throw new Error(`markdownify: ${refused.message}`);
    return guardMarkdown(() => renderMarkdown(markdown, text, '(markdownify)').html);
  };
  plugins.markdownify = markdownify;
  const liquid = createLiquid({
    limits: snapshot.config.liquid,
    timezone:
      typeof snapshot.config.values.timezone === 'string' ? snapshot.config.values.timezone : undefined,
    site: { baseurl: snapshot.config.baseurl, url: snapshot.config.url, markdownify },
    tags: plugins.tags,
    filters: plugins.filters,
  });
  const parsed = new Map<string, Template[]>();
  const includeSource: IncludeSource = {
    include: (relPath) => snapshot.includes.get(relPath),
    includeNames: () => [...snapshot.includes.keys()],
    sourceFile: (relPath) => snapshot.relativeFiles.get(relPath),
    parse: (key, text, file) => {
      let templates = parsed.get(key);
      if (!templates) {
        templates = liquid.parse(text, file);
        parsed.set(key, templates);
      }
      return templates;
    },
    urlOf: (relPath) => snapshot.urlBySourcePath.get(relPath),
  };
  const collectFacts = Boolean(options.collectFacts);
  if (collectFacts) enableOutputMaps(liquid);
  return {
    snapshot,
    liquid,
    markdown,
    includeSource,
    layoutTemplates: new Map(),
    collectFacts,
    templateTexts: siteTemplateTexts(snapshot),
    guardMarkdown,
  };
}

/**
 * Texts of includes and layouts, created once per site so their line tables are computed once;
 * the page's own body is added per page (its lines start after the front matter).
 */
function siteTemplateTexts(snapshot: SiteSnapshot): (page: RenderablePage) => TemplateTexts {
  const shared = new Map<string, TemplateText | null>();
  const layoutsByPath = new Map([...snapshot.layouts.values()].map((l) => [l.path, l]));
  const lookup = (file: string): TemplateText | null => {
    const include = file.startsWith('_includes/')
      ? snapshot.includes.get(file.slice('_includes/'.length))
      : undefined;
    if (include !== undefined) return { text: include, lineOffset: 0 };
    const layout = layoutsByPath.get(file);
    if (layout) return { text: layout.body, lineOffset: layout.bodyLine - 1 };
    const relative = snapshot.relativeFiles.get(file);
    return relative === undefined ? null : { text: relative, lineOffset: 0 };
  };
  return (page) => {
    const own: TemplateText = { text: page.source.body, lineOffset: page.source.bodyLine - 1 };
    return (file) => {
      if (file === page.source.path) return own;
      let text = shared.get(file);
      if (text === undefined) {
        text = lookup(file);
        shared.set(file, text);
      }
      return text ?? undefined;
    };
  };
}
