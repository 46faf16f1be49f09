import type { SourceLocation } from '../render/source-location.js';

/**
 * What the checks need to know about one built page, as plain data: every link with the source
 * line that wrote it, every id, every callout, every baseurl join. Collected while the page is
 * rendered (the only time positions through Liquid are known), checked once all pages exist.
 */
export interface PageFacts {
  /** Source path of the page (or the HTML file, for `check --html`). */
  path: string;
  /** URL the page is served at. */
  url: string;
  links: LinkFact[];
  /** Every `id`, and `name` of `<a>`, on the final page (layout included), in document order. */
  ids: IdFact[];
  callouts: CalloutFact[];
  joins: BaseurlJoinFact[];
  /** HTML block elements opened and never closed. */
  unclosed: UnclosedFact[];
  /** Unknown Liquid variables and filters the render met. */
  liquid: LiquidFact[];
  /** Whether the page has a title (front matter or defaults); HTML files checked as they are count as titled. */
  titled: boolean;
}

export interface LiquidFact {
  kind: 'unknown-variable' | 'unknown-filter';
  name: string;
  location: SourceLocation;
}

/** A URL in an attribute that the browser fetches or follows. */
export interface LinkFact {
  url: string;
  /** `a`, `img`, `script`, `link`, ... */
  element: string;
  attribute: string;
  location: SourceLocation;
  /** True when the whole element was written out in the source, no Liquid involved. */
  literal: boolean;
}

export interface IdFact {
  id: string;
  /** Where it was written; absent when only known to be on the page. */
  location?: SourceLocation;
  /** `name` of an `<a>` (a valid anchor target, but not an id for duplicate checks). */
  isName?: boolean;
}

/** An element with class `bs-callout`. */
export interface CalloutFact {
  /** The `bs-callout-*` types on it (`info`, `warning`, ...). */
  types: string[];
  /** Its visible text outside code elements, whitespace collapsed (for leftover Markdown). */
  text: string;
  /** True when it shows nothing: no text (code included) and no image, table or other media. */
  empty: boolean;
  location: SourceLocation;
}

/** `{{ page.baseurl }}` or `{{ site.baseurl }}` followed directly by more of a URL. */
export interface BaseurlJoinFact {
  expression: string;
  /** What the variable printed. */
  value: string;
  /** The output that follows it, up to the end of the URL (at most a few dozen characters). */
  rest: string;
  location: SourceLocation;
}

export interface UnclosedFact {
  element: string;
  location: SourceLocation;
}
