import { fromHtml } from 'hast-util-from-html';
import type { Diagnostic } from '../diagnostics.js';
import type { HtmlFolder } from '../read/read-html-folder.js';
import { type CheckConfig, DEFAULT_CHECK_CONFIG } from './check-config.js';
import { checkSite } from './check-site.js';
import { collectHtmlFacts } from './collect-page-facts.js';

export interface CheckHtmlOptions {
  /** Path the site is served under ("" or "/docs"). */
  baseurl?: string;
  /** The site's absolute URL, so links to it count as internal. */
  url?: string;
  check?: CheckConfig;
}

/**
 * Checks a folder of built HTML that Galley did not build (html-proofer's job): the same rules,
 * with positions in the HTML files.
 */
export function checkHtmlFolder(folder: HtmlFolder, options: CheckHtmlOptions = {}): Diagnostic[] {
  const pages = folder.html.map((file) => ({
    outputPath: file.path,
    facts: collectHtmlFacts(file.path, `/${file.path}`, fromHtml(file.text)),
  }));
  return checkSite({
    config: {
      baseurl: options.baseurl ?? '',
      url: options.url ?? '',
      check: options.check ?? DEFAULT_CHECK_CONFIG,
    },
    pages,
    otherFiles: folder.files,
    pageBaseurls: [],
  });
}
