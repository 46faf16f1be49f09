import type { CheckRule } from '../rule.js';

/** Markdown that survived into the text: `**bold**`, `` `code` ``, `[text](url)`. */
const RAW_MARKDOWN = /\*\*[^*\s][^*]*\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|^#{1,6} /;

/** A callout whose text still shows Markdown syntax, because `markdown="1"` is missing. */
export const calloutRawMarkdown: CheckRule = {
  id: 'callout/raw-markdown',
  description: 'a bs-callout whose text shows Markdown syntax (markdown="1" missing)',
  defaultSeverity: 'warning',
  check(site, report) {
    for (const page of site.pages) {
      for (const callout of page.callouts) {
        const m = RAW_MARKDOWN.exec(callout.text);
        if (!m) continue;
        report(
          callout.location,
          `callout shows Markdown as text: ${m[0].length > 40 ? `${m[0].slice(0, 40)}...` : m[0]}`,
          'add markdown="1" to the callout element so kramdown converts its content',
        );
      }
    }
  },
};
