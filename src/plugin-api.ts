import type { FilterImplOptions } from 'liquidjs';
import type { Pluggable } from 'unified';
import type { TagImpl } from './render/liquid/create-liquid.js';

/** What a generator sees: pages whose `data` it may change, and the site's data. */
export interface GeneratorSite {
  readonly config: Readonly<Record<string, unknown>>;
  readonly pages: ReadonlyArray<{
    readonly path: string;
    readonly collection?: string;
    data: Record<string, unknown>;
  }>;
  readonly data: Readonly<Record<string, unknown>>;
}

export type Generator = (site: GeneratorSite) => void | Promise<void>;

/** The object a site plugin's default export receives. */
export interface GalleyPluginApi {
  /** The merged site configuration (read-only). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Adds a Liquid tag: a liquidjs Tag class, or `{ parse(token, remainTokens), render(ctx, emitter) }`. */
  addTag(name: string, impl: TagImpl): void;
  /** Adds a Liquid filter. */
  addFilter(name: string, fn: FilterImplOptions): void;
  /** Adds a remark (mdast) plugin after Galley's own. */
  addRemarkPlugin(plugin: Pluggable, options?: unknown): void;
  /** Adds a rehype (hast) plugin before the HTML is serialised. */
  addRehypePlugin(plugin: Pluggable, options?: unknown): void;
  /** Adds a generator: runs after the site is read, before rendering; may change page data. */
  addGenerator(generator: Generator): void;
  /** Converts Markdown to HTML with the site's pipeline (available while rendering). */
  markdownify(text: string): string;
}

/** A site plugin: a module whose default export is this function. */
export type GalleyPlugin = (api: GalleyPluginApi) => void | Promise<void>;

/** Everything the plugins registered. */
export interface PluginRegistry {
  tags: Record<string, TagImpl>;
  filters: Record<string, FilterImplOptions>;
  remarkPlugins: Pluggable[];
  rehypePlugins: Pluggable[];
  generators: Generator[];
  /** Set once the Markdown processor exists; `markdownify` calls it. */
  markdownify: ((text: string) => string) | null;
}

/** An empty registry and the API object that fills it. */
export function createPluginRegistry(config: Readonly<Record<string, unknown>>): {
  registry: PluginRegistry;
  api: GalleyPluginApi;
} {
  const registry: PluginRegistry = {
    tags: {},
    filters: {},
    remarkPlugins: [],
    rehypePlugins: [],
    generators: [],
    markdownify: null,
  };
  const api: GalleyPluginApi = {
    config,
    addTag: (name, impl) => {
      registry.tags[name] = impl;
    },
    addFilter: (name, fn) => {
      registry.filters[name] = fn;
    },
    addRemarkPlugin: (plugin, options) => {
      registry.remarkPlugins.push(options === undefined ? plugin : ([plugin, options] as Pluggable));
    },
    addRehypePlugin: (plugin, options) => {
      registry.rehypePlugins.push(options === undefined ? plugin : ([plugin, options] as Pluggable));
    },
    addGenerator: (generator) => {
      registry.generators.push(generator);
    },
    markdownify: (text) => {
      if (!registry.markdownify) throw new Error('markdownify is available only while pages render');
      return registry.markdownify(text);
    },
  };
  return { registry, api };
}
