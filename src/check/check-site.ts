import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ExternalResult } from './external/check-external-urls.js';
import type { PageFacts } from './page-facts.js';
import type { CheckSite } from './rule.js';
import { runChecks } from './run-checks.js';
import { createUrlIndex } from './url-index.js';

export interface CheckInput {
  config: Pick<SiteConfig, 'baseurl' | 'url' | 'check'>;
  /** Facts of every page that rendered, with the output path it is written to. */
  pages: readonly { outputPath: string; facts: PageFacts }[];
  /** Output paths of everything else the site writes (static files, redirect pages). */
  otherFiles: Iterable<string>;
  /** Distinct `page.baseurl` values of the site's pages. */
  pageBaseurls: readonly string[];
  filterNames?: readonly string[];
  /** Results of the external link check, when it ran. */
  external?: ReadonlyMap<string, ExternalResult>;
}

/** Checks a built site's facts: indexes its URLs and anchors, then runs every rule. */
export function checkSite(input: CheckInput): Diagnostic[] {
  const urls = createUrlIndex(
    input.pages.map((p) => ({ outputPath: p.outputPath, anchors: new Set(p.facts.ids.map((i) => i.id)) })),
    input.otherFiles,
  );
  const site: CheckSite = {
    pages: input.pages.map((p) => p.facts),
    urls,
    config: input.config.check,
    baseurl: input.config.baseurl,
    siteUrl: input.config.url,
    pageBaseurls: input.pageBaseurls,
    filterNames: input.filterNames ?? [],
    external: input.external,
  };
  return runChecks(site);
}
