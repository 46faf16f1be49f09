import type { Liquid, Template } from 'liquidjs';
import type { Processor } from 'unified';
import type { PluginRegistry } from '../plugin-api.js';
import { createLiquid } from './liquid/create-liquid.js';
import type { IncludeSource } from './liquid/render-state.js';
import { markdownLimitProblem } from './markdown/markdown-limits.js';
import { createMarkdownProcessor, renderMarkdown } from './markdown/render-markdown.js';
import { runWithTimeLimit } from './markdown/run-with-time-limit.js';
import type { SiteSnapshot } from './site-snapshot.js';

/** What rendering needs besides the page: the snapshot plus engines built once per site or worker. */
export interface RenderContext {
  snapshot: SiteSnapshot;
  liquid: Liquid;
  markdown: Processor;
  includeSource: IncludeSource;
  /** Parsed layouts by name (parsed on first use). */
  layoutTemplates: Map<string, Template[]>;
}

/** Builds the Liquid engine, the frozen Markdown processor and the include cache for a snapshot. */
export function createRenderContext(snapshot: SiteSnapshot, plugins: PluginRegistry): RenderContext {
  const markdown = createMarkdownProcessor({
    kramdown: { tocLevels: snapshot.config.tocLevels },
    remarkPlugins: plugins.remarkPlugins,
    rehypePlugins: plugins.rehypePlugins,
  });
  const markdownify = (text: string) => {
    const refused = markdownLimitProblem(text);
    if (refused) throw new Error(`markdownify: ${refused.message}`);
    return runWithTimeLimit(
      () => renderMarkdown(markdown, text, '(markdownify)').html,
      snapshot.config.markdownTimeLimit,
    );
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
  return { snapshot, liquid, markdown, includeSource, layoutTemplates: new Map() };
}
