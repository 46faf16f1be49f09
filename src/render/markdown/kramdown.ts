import type { Plugin } from 'unified';

/**
 * The kramdown dialect on top of remark: registers the micromark extensions and mdast transforms
 * that make Jekyll/kramdown pages parse as kramdown parses them.
 */
export const remarkKramdown: Plugin<[KramdownOptions?]> = function remarkKramdown() {
  // Filled in by the kramdown plugins (see files beside this one).
};

export interface KramdownOptions {
  /** kramdown `toc_levels`, e.g. [2, 3]. */
  tocLevels?: number[];
}
