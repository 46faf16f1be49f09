import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { KramdownDefinitionList, KramdownDefinitionTerm } from './mdast-kramdown-definition.js';

/**
 * Groups definitions into definition lists as kramdown does: the paragraph before a run of
 * `: definition` blocks holds the terms, one per line; a list directly after another list (terms,
 * definitions, terms, definitions) continues it. A blank line between the terms and a definition
 * keeps the definition's first paragraph in `<p>`; more than one blank line, or no paragraph
 * before, makes the definition plain text (`: text`). An end-of-block marker (`^`) between two
 * lists keeps them apart; the markers are removed here.
 */
export function remarkKramdownDefinitionList() {
  return (tree: Root): undefined => {
    visit(tree);
  };
}

function visit(parent: Parent): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if ('children' in child) visit(child as Parent);
    if (child.type !== 'kramdownDefinitionDescription') {
      out.push(child);
      continue;
    }
    const prior = out[out.length - 1];
    if (
      prior?.type !== 'kramdownDefinitionList' &&
      (prior?.type !== 'paragraph' || blankLines(prior, child) > 1)
    ) {
      out.push(asParagraph(child));
      continue;
    }
    const previous = out[out.length - 1];
    if (previous?.type === 'kramdownDefinitionList') {
      const last = previous.children[previous.children.length - 1];
      child.spread = blankBetween(last, child);
      previous.children.push(child);
      continue;
    }
    if (previous?.type !== 'paragraph') {
      out.push(child);
      continue;
    }
    out.pop();
    child.spread = blankBetween(previous, child);
    const terms = termsOf(previous);
    const before = out[out.length - 1];
    if (before?.type === 'kramdownDefinitionList') {
      before.children.push(...terms, child);
    } else {
      const list: KramdownDefinitionList = {
        type: 'kramdownDefinitionList',
        children: [...terms, child],
        position: previous.position &&
          child.position && { start: previous.position.start, end: child.position.end },
      };
      out.push(list);
    }
  }
  parent.children = out.filter((node) => node.type !== 'kramdownEndOfBlock') as Parent['children'];
}

/** A definition with no terms before it is a paragraph starting with its colon, as written. */
function asParagraph(definition: RootContent & Parent): RootContent {
  const first = definition.children[0];
  if (definition.children.length !== 1 || first?.type !== 'paragraph') return definition;
  return { ...first, children: [{ type: 'text', value: ': ' }, ...first.children] };
}

function blankLines(a: RootContent, b: RootContent): number {
  const end = a.position?.end.line;
  const start = b.position?.start.line;
  return end !== undefined && start !== undefined ? start - end - 1 : 0;
}

function blankBetween(a: RootContent | undefined, b: RootContent): boolean {
  const end = a?.position?.end.line;
  const start = b.position?.start.line;
  return end !== undefined && start !== undefined && start > end + 1;
}

/** Splits a paragraph into one term per line. */
function termsOf(paragraph: Paragraph): KramdownDefinitionTerm[] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of paragraph.children) {
    if (node.type !== 'text' || !node.value.includes('\n')) {
      lines[lines.length - 1]?.push(node);
      continue;
    }
    const parts = node.value.split('\n');
    for (const [i, part] of parts.entries()) {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]?.push({ type: 'text', value: part });
    }
  }
  return lines
    .filter((line) => line.length > 0)
    .map((children) => ({ type: 'kramdownDefinitionTerm', children }) as KramdownDefinitionTerm);
}
