import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';

/** A file with front matter: rendered through Liquid (and Markdown when its extension says so). */
export interface SourcePage {
  /** Path relative to the source, POSIX separators (`guides/v2.0/a.md`). */
  path: string;
  absPath: string;
  /** `pages`, or the collection label for collection documents. */
  type: string;
  collection?: string;
  /** Path inside the collection folder, for collection documents (`intro/a.md`). */
  collectionPath?: string;
  /** Defaults merged with the file's front matter (front matter wins); plugins may change it. */
  data: Record<string, unknown>;
  /** Keys set by the file itself (not by defaults), for checks that only concern the writer. */
  ownKeys: string[];
  /** 1-based line of each top-level front matter key in the file. */
  keyLines: Record<string, number>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  markdown: boolean;
  /** Whether the page is written (collections with `output: false` are not). */
  output: boolean;
}

/** A layout: its name (`default`, `sub/x`), its own front matter and template. */
export interface Layout {
  name: string;
  /** Path for messages (relative to the source, or to the theme for theme layouts). */
  path: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** File line of the layout's own `layout:` key, when it has one. */
  layoutLine?: number;
}

/** A file copied as is. */
export interface StaticFile {
  path: string;
  absPath: string;
  /** Output path relative to the destination. */
  outputPath: string;
}

/** Everything read from disk; the input of the pure stages. */
export interface SourceSite {
  config: SiteConfig;
  pages: SourcePage[];
  staticFiles: StaticFile[];
  layouts: Map<string, Layout>;
  /** Include texts by path inside the includes folder (site first, theme as fallback). */
  includes: Map<string, string>;
  /** Text of source files readable by `include_relative`, by path relative to the source. */
  relativeFiles: Map<string, string>;
  data: Record<string, unknown>;
  /** Text of the YAML data files by source path (`_data/toc/a.yml`), for messages at their lines. */
  dataTexts: Map<string, string>;
  diagnostics: Diagnostic[];
}
