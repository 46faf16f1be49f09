import type { Severity } from '../diagnostics.js';
import type { SourceLocation } from '../render/source-location.js';
import type { CheckConfig } from './check-config.js';
import type { ExternalResult } from './external/check-external-urls.js';
import type { PageFacts } from './page-facts.js';
import type { UrlIndex } from './url-index.js';

/** What every rule sees: all pages' facts and the site's URLs, read-only. */
export interface CheckSite {
  pages: readonly PageFacts[];
  urls: UrlIndex;
  config: CheckConfig;
  /** `site.baseurl` ("" or "/docs"). */
  baseurl: string;
  /** `url` from the config ("https://docs.example.com"), or "". */
  siteUrl: string;
  /** Distinct non-trivial `page.baseurl` values (Magento style "/guides/v2.0/"). */
  pageBaseurls: readonly string[];
  /** Filters the Liquid engine knows, for "did you mean" hints. */
  filterNames: readonly string[];
  /** Results of the external link check, when it ran. */
  external?: ReadonlyMap<string, ExternalResult>;
}

/** Reports one problem found by a rule; the runner stamps the rule id and severity. */
export type Report = (
  location: SourceLocation,
  message: string,
  hint?: string,
  link?: { page: string; url: string },
) => void;

/** A check, like a lint rule: an id, a one-line description, a default severity, and the check. */
export interface CheckRule {
  id: string;
  description: string;
  defaultSeverity: Severity | 'off';
  check(site: CheckSite, report: Report): void;
}
