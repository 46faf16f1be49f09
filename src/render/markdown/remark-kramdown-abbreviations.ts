import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import './mdast-kramdown-abbreviation.js';

const SKIP = new Set(['code', 'inlineCode', 'html', 'kramdownExtension', 'kramdownHtmlElement']);

/**
 * Applies kramdown abbreviations: the definitions (anywhere on the page) are removed, and each
 * whole-word occurrence of a defined name in text becomes `<abbr title="...">name</abbr>`; an
 * empty title gives a bare `<abbr>`. Code and raw HTML are left alone.
 */
export function remarkKramdownAbbreviations() {
  return (tree: Root): undefined => {
    const definitions = new Map<string, string>();
    collect(tree, definitions);
    if (definitions.size === 0) return;
    const names = [...definitions.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    apply(tree, pattern, definitions);
  };
}

function collect(parent: Parent, definitions: Map<string, string>): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'kramdownAbbreviationDefinition') {
      definitions.set(child.name, child.title);
      continue;
    }
    if ('children' in child) collect(child as Parent, definitions);
    kept.push(child);
  }
  parent.children = kept as Parent['children'];
}

function apply(parent: Parent, pattern: RegExp, definitions: Map<string, string>): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text') out.push(...split(child, pattern, definitions));
    else {
      if ('children' in child && !SKIP.has(child.type)) apply(child as Parent, pattern, definitions);
      out.push(child);
    }
  }
  parent.children = out as Parent['children'];
}

function split(node: Text, pattern: RegExp, definitions: Map<string, string>): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ type: 'text', value: node.value.slice(last, index) });
    const title = definitions.get(match[0]) ?? '';
    parts.push({
      type: 'emphasis',
      children: [{ type: 'text', value: match[0] }],
      data: { hName: 'abbr', hProperties: title ? { title } : {} },
    });
    last = index + match[0].length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
