import type { Heading, List, ListItem, Nodes, Parent, PhrasingContent, Root } from 'mdast';

/**
 * kramdown's table of contents: a list marked `{:toc}` (written as `* TOC`) is replaced by a
 * nested list of links to the page's headings whose level is in `tocLevels` and that have no
 * `no_toc` class. Each link gets `id="markdown-toc-<heading id>"`; the list keeps its IAL
 * attributes and gets `id="markdown-toc"` unless it has one. Links inside a heading are replaced by
 * their text, as kramdown does. Runs after heading ids are set.
 */
export function remarkKramdownToc(tocLevels: number[] = [1, 2, 3, 4, 5, 6]) {
  const levels = new Set(tocLevels);
  return (tree: Root): undefined => {
    const tocs: List[] = [];
    const headings: Heading[] = [];
    collect(tree, tocs, headings);
    if (tocs.length === 0) return;
    const entries = headings.filter(
      (h) => levels.has(h.depth) && idOf(h) && !classesOf(h).includes('no_toc'),
    );
    // kramdown writes nothing for a table of contents without entries.
    if (entries.length === 0) {
      removeLists(tree, new Set(tocs));
      return;
    }
    for (const toc of tocs) build(toc, entries);
  };
}

function removeLists(node: Nodes, lists: Set<List>): void {
  if (!('children' in node)) return;
  const parent = node as Parent;
  parent.children = parent.children.filter((child) => !lists.has(child as List));
  for (const child of parent.children) removeLists(child as Nodes, lists);
}

function collect(node: Nodes, tocs: List[], headings: Heading[]): void {
  if (node.type === 'heading') headings.push(node);
  if (node.type === 'list' && (node.data as { kramdownToc?: boolean } | undefined)?.kramdownToc) {
    tocs.push(node);
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child as Nodes, tocs, headings);
}

function idOf(heading: Heading): string | undefined {
  const id = heading.data?.hProperties?.id;
  return typeof id === 'string' && id ? id : undefined;
}

function classesOf(heading: Heading): string[] {
  const value: unknown = heading.data?.hProperties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

interface Entry {
  depth: number;
  item: ListItem;
  sublist: List;
}

/** kramdown's `generate_toc_tree`: a stack of open items, deeper headings nest under the last. */
function build(toc: List, headings: Heading[]): void {
  const properties = toc.data?.hProperties ?? {};
  const tocId = typeof properties.id === 'string' ? properties.id : 'markdown-toc';
  toc.data = { ...toc.data, hProperties: { ...properties, id: tocId } };
  toc.children = [];
  toc.spread = false;
  const ordered = toc.ordered ?? false;
  const stack: Entry[] = [];
  const close = (entry: Entry) => {
    if (entry.sublist.children.length > 0) entry.item.children.push(entry.sublist);
  };
  for (const heading of headings) {
    const entry: Entry = {
      depth: heading.depth,
      item: item(heading, tocId),
      sublist: { type: 'list', ordered, spread: false, children: [] },
    };
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        toc.children.push(entry.item);
        break;
      }
      if (top.depth < entry.depth) {
        top.sublist.children.push(entry.item);
        break;
      }
      close(stack.pop() as Entry);
    }
    stack.push(entry);
  }
  while (stack.length > 0) close(stack.pop() as Entry);
}

function item(heading: Heading, tocId: string): ListItem {
  const id = idOf(heading) ?? '';
  return {
    type: 'listItem',
    spread: false,
    children: [
      {
        type: 'paragraph',
        children: [
          {
            type: 'link',
            url: `#${id}`,
            children: withoutLinks(heading.children),
            data: { hProperties: { id: `${tocId}-${id}` } },
          },
        ],
      },
    ],
  };
}

function withoutLinks(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'link' || node.type === 'linkReference') return withoutLinks(node.children);
    if (node.type === 'footnoteReference') return [];
    if ('children' in node)
      return [
        {
          ...node,
          children: withoutLinks((node as Parent).children as PhrasingContent[]),
        } as PhrasingContent,
      ];
    return [structuredClone(node)];
  });
}
