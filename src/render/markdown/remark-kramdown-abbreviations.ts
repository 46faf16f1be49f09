import type { Properties } from 'hast';
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import './mdast-kramdown-abbreviation.js';

/** What a definition gives each use: its title and the attributes of an IAL on the definition. */
interface Abbreviation {
  title: string;
  properties: Properties;
}

const SKIP = new Set(['code', 'inlineCode', 'html', 'kramdownExtension', 'kramdownHtmlElement']);

/**
 * Applies kramdown abbreviations: the definitions (anywhere on the page) are removed, and each
 * whole-word occurrence of a defined name in text becomes `<abbr title="...">name</abbr>`; an
 * empty title gives a bare `<abbr>`. Code and raw HTML are left alone. A block IAL on the
 * definition (`{:.class}` before or after it) gives its attributes to every use, as kramdown does.
 * With `acrossWhiteSpace`, a space in a name matches any white space in the text (a line break, a
 * no-break space), as kramdown's own test cases expect (kramdown 2.5); the kramdown 2.4 that Jekyll
 * sites are built with matches the name as written, so GFM input keeps that.
 */
export function remarkKramdownAbbreviations(acrossWhiteSpace = false) {
  return (tree: Root): undefined => {
    const definitions = new Map<string, Abbreviation>();
    const spaced = acrossWhiteSpace ? oneSpace : (name: string) => name;
    collect(tree, definitions, spaced);
    if (definitions.size === 0) return;
    const names = [...definitions.keys()]
      .sort((a, b) => b.length - a.length)
      .map((name) => (acrossWhiteSpace ? escapeRegExp(name).replace(/ /g, '\\s+') : escapeRegExp(name)));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    apply(tree, pattern, (name) => definitions.get(spaced(name)));
  };
}

function collect(
  parent: Parent,
  definitions: Map<string, Abbreviation>,
  spaced: (name: string) => string,
): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'kramdownAbbreviationDefinition') {
      definitions.set(spaced(child.name), {
        title: child.title,
        properties: { ...(child.data?.hProperties ?? {}) },
      });
      continue;
    }
    if ('children' in child) collect(child as Parent, definitions, spaced);
    kept.push(child);
  }
  parent.children = kept as Parent['children'];
}

type Lookup = (name: string) => Abbreviation | undefined;

function apply(parent: Parent, pattern: RegExp, lookup: Lookup): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text') out.push(...split(child, pattern, lookup));
    else {
      if ('children' in child && !SKIP.has(child.type)) apply(child as Parent, pattern, lookup);
      out.push(child);
    }
  }
  parent.children = out as Parent['children'];
}

function split(node: Text, pattern: RegExp, lookup: Lookup): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ type: 'text', value: node.value.slice(last, index) });
    const definition = lookup(match[0]);
    const title = definition?.title ?? '';
    parts.push({
      type: 'emphasis',
      children: [{ type: 'text', value: match[0] }],
      data: { hName: 'abbr', hProperties: { ...definition?.properties, ...(title ? { title } : {}) } },
    });
    last = index + match[0].length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

/** A name with each run of white space as one space: the key both definitions and uses look up. */
function oneSpace(name: string): string {
  return name.replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
