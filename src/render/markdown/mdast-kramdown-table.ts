import type { Literal, Parent, PhrasingContent } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';

/** A kramdown table as read: rows and separator lines in source order (see remarkKramdownTables). */
export interface KramdownTable extends Parent {
  type: 'kramdownTable';
  children: Array<KramdownTableRow | KramdownTableSeparator>;
}

/** One row line, its text parsed inline; split into cells later. */
export interface KramdownTableRow extends Parent {
  type: 'kramdownTableRow';
  children: PhrasingContent[];
}

/** A separator line: `-` (header or body separator) or `=` (footer); `value` is the line. */
export interface KramdownTableSeparator extends Literal {
  type: 'kramdownTableSeparator';
  footer: boolean;
}

/** A table part or cell, output as the element in `data.hName`. */
export interface KramdownTablePart extends Parent {
  type: 'kramdownTablePart';
  children: Array<KramdownTablePart | PhrasingContent>;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownTable: KramdownTable;
    kramdownTableRow: KramdownTableRow;
    kramdownTableSeparator: KramdownTableSeparator;
    kramdownTablePart: KramdownTablePart;
  }
  interface BlockContentMap {
    kramdownTable: KramdownTable;
    kramdownTablePart: KramdownTablePart;
  }
}

/** mdast-util-from-markdown extension for the `kramdownTable` tokens. */
export function kramdownTableFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownTable(token) {
        this.enter({ type: 'kramdownTable', children: [] }, token);
      },
      kramdownTableRow(token) {
        this.enter({ type: 'kramdownTableRow', children: [] }, token);
      },
      kramdownTableSeparator(token) {
        this.enter(
          { type: 'kramdownTableSeparator', footer: false, value: this.sliceSerialize(token) },
          token,
        );
      },
      kramdownTableFooterSeparator(token) {
        this.enter(
          { type: 'kramdownTableSeparator', footer: true, value: this.sliceSerialize(token) },
          token,
        );
      },
    },
    exit: {
      kramdownTable(token) {
        this.exit(token);
      },
      kramdownTableRow(token) {
        this.exit(token);
      },
      kramdownTableSeparator(token) {
        this.exit(token);
      },
      kramdownTableFooterSeparator(token) {
        this.exit(token);
      },
    },
  };
}
