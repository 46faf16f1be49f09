import type { CheckInput } from '../check/check-site.js';
import type { PageFacts } from '../check/page-facts.js';
import { resolveLink } from '../check/resolve-link.js';
import type { CheckSite } from '../check/rule.js';
import { collectFindings, mergeRepeats } from '../check/run-checks.js';
import { createUrlIndex, type UrlIndex } from '../check/url-index.js';
import type { Diagnostic } from '../diagnostics.js';

/** One checked page: its output path and facts, as `checkSite` takes them. */
export interface CheckedPage {
  outputPath: string;
  facts: PageFacts;
}

/**
 * The checks run page by page against one URL index, each page's findings kept, so that after an
 * edit only the edited pages, and the pages linking to a page whose anchors changed, are checked
 * again. The rules look at one page at a time (and the site's URLs), so concatenating the pages'
 * findings in page order and merging repeats once gives what `checkSite` gives.
 */
export interface PageChecker {
  /** Checks every page (the hook `build()` calls instead of `checkSite`). */
  checkAll(input: CheckInput): Diagnostic[];
  /**
   * Takes new facts of re-rendered pages that were checked before, at the same output paths, and
   * checks them again with the pages linking to any whose anchors changed; returns the source
   * paths of the pages checked, in page order. (A page that starts or stops failing changes the
   * site's URLs: that takes `checkAll`.)
   */
  update(pages: readonly CheckedPage[]): string[];
  /** All findings, merged, in the order `checkSite` reports them. */
  diagnostics(): Diagnostic[];
}

type Findings = { diagnostics: Diagnostic[]; pageOf: Map<Diagnostic, string> };

export function createPageChecker(): PageChecker {
  let input: CheckInput | null = null;
  // Keyed by source path: unique per page, where two pages may claim one output path.
  let order: string[] = [];
  const outputOf = new Map<string, string>();
  const facts = new Map<string, PageFacts>();
  const findings = new Map<string, Findings>();
  // Output paths each page's internal links can lead to, to find who links to a changed page.
  const targets = new Map<string, Set<string>>();
  let urls: UrlIndex | null = null;

  const index = () =>
    createUrlIndex(
      order.map((o) => ({
        outputPath: outputOf.get(o) as string,
        anchors: anchorSet(facts.get(o) as PageFacts),
      })),
      (input as CheckInput).otherFiles,
    );
  const checkOne = (sourcePath: string) => {
    const i = input as CheckInput;
    const pageFacts = facts.get(sourcePath) as PageFacts;
    const site: CheckSite = {
      pages: [pageFacts],
      urls: urls as UrlIndex,
      config: i.config.check,
      baseurl: i.config.baseurl,
      siteUrl: i.config.url,
      pageBaseurls: i.pageBaseurls,
      filterNames: i.filterNames ?? [],
      external: i.external,
    };
    findings.set(sourcePath, collectFindings(site));
    const to = new Set<string>();
    for (const link of pageFacts.links) {
      const resolved = resolveLink(link.url, pageFacts.url, i.config.baseurl, i.config.url);
      if (resolved.kind === 'internal') for (const c of resolved.candidates) to.add(c);
    }
    targets.set(sourcePath, to);
  };
  const take = (pages: readonly CheckedPage[]) => {
    order = pages.map((p) => p.facts.path);
    outputOf.clear();
    for (const p of pages) outputOf.set(p.facts.path, p.outputPath);
  };

  return {
    checkAll(all) {
      // `otherFiles` may be a one-shot iterable; the index is rebuilt from it when anchors change.
      input = { ...all, otherFiles: [...all.otherFiles] };
      take(all.pages);
      facts.clear();
      findings.clear();
      targets.clear();
      for (const p of all.pages) facts.set(p.facts.path, p.facts);
      urls = index();
      for (const o of order) checkOne(o);
      return this.diagnostics();
    },
    update(pages) {
      const again = new Set<string>();
      const anchorsChanged = new Set<string>();
      for (const p of pages) {
        const before = facts.get(p.facts.path);
        if (!before || outputOf.get(p.facts.path) !== p.outputPath)
          throw new Error(`page checker: ${p.facts.path} was not checked before at ${p.outputPath}`);
        if (!sameAnchors(before, p.facts)) anchorsChanged.add(p.outputPath);
        facts.set(p.facts.path, p.facts);
        again.add(p.facts.path);
      }
      if (anchorsChanged.size) {
        urls = index();
        for (const [from, to] of targets) {
          for (const changed of anchorsChanged) if (to.has(changed)) again.add(from);
        }
      }
      const ordered = order.filter((o) => again.has(o));
      for (const o of ordered) checkOne(o);
      return ordered;
    },
    diagnostics() {
      // mergeRepeats adds `pages` to the finding it keeps: merge copies, so kept findings stay as found.
      const all: Diagnostic[] = [];
      const pageOf = new Map<Diagnostic, string>();
      for (const o of order) {
        const f = findings.get(o) as Findings;
        for (const d of f.diagnostics) {
          const copy = { ...d };
          const page = f.pageOf.get(d);
          if (page !== undefined) pageOf.set(copy, page);
          all.push(copy);
        }
      }
      return mergeRepeats(all, pageOf);
    },
  };
}

function anchorSet(facts: PageFacts): ReadonlySet<string> {
  return new Set(facts.ids.map((i) => i.id));
}

function sameAnchors(a: PageFacts, b: PageFacts): boolean {
  const x = anchorSet(a);
  const y = anchorSet(b);
  return x.size === y.size && [...x].every((id) => y.has(id));
}
