import type { BlockContent, Parent, PhrasingContent } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';

/** One `: definition` container; `spread` when a blank line separates it from its terms. */
export interface KramdownDefinitionDescription extends Parent {
  type: 'kramdownDefinitionDescription';
  children: BlockContent[];
  spread?: boolean;
}

/** One term: a line of the paragraph before the definitions. */
export interface KramdownDefinitionTerm extends Parent {
  type: 'kramdownDefinitionTerm';
  children: PhrasingContent[];
}

/** A definition list: terms and definitions in source order. */
export interface KramdownDefinitionList extends Parent {
  type: 'kramdownDefinitionList';
  children: Array<KramdownDefinitionTerm | KramdownDefinitionDescription>;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownDefinitionDescription: KramdownDefinitionDescription;
    kramdownDefinitionTerm: KramdownDefinitionTerm;
    kramdownDefinitionList: KramdownDefinitionList;
  }
  interface BlockContentMap {
    kramdownDefinitionDescription: KramdownDefinitionDescription;
    kramdownDefinitionList: KramdownDefinitionList;
  }
}

/** mdast-util-from-markdown extension: `kramdownDefinition` tokens become description nodes. */
export function kramdownDefinitionFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownDefinition(token) {
        this.enter({ type: 'kramdownDefinitionDescription', children: [] }, token);
      },
    },
    exit: {
      kramdownDefinition(token) {
        this.exit(token);
      },
    },
  };
}
