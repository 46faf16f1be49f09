import type { Definition, Nodes, Root } from 'mdast';

/**
 * kramdown writes a link's or image's URL as it was written: `[a](<with space.html>)` gives
 * `href="with space.html"` and `ü` stays `ü`, where remark-rehype would percent-encode both
 * (`with%20space.html`, `%C3%BC`). Sets the written URL as the element's `href` / `src`, unless an
 * IAL already set one. A reference takes the URL of its definition (the first one, as remark-rehype
 * resolves it).
 */
export function remarkKramdownRawUrls() {
  return (tree: Root): undefined => {
    const definitions = new Map<string, Definition>();
    const collect = (node: Nodes): void => {
      if (node.type === 'definition') {
        const id = node.identifier.toUpperCase();
        if (!definitions.has(id)) definitions.set(id, node);
      }
      if ('children' in node) for (const child of node.children) collect(child);
    };
    collect(tree);
    const visit = (node: Nodes): void => {
      if (node.type === 'link') keepUrl(node, 'href', node.url);
      else if (node.type === 'image') keepUrl(node, 'src', node.url);
      else if (node.type === 'linkReference' || node.type === 'imageReference') {
        const definition = definitions.get(node.identifier.toUpperCase());
        if (definition) keepUrl(node, node.type === 'linkReference' ? 'href' : 'src', definition.url);
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

function keepUrl(node: Nodes, property: 'href' | 'src', url: string): void {
  node.data ??= {};
  node.data.hProperties = { [property]: url, ...node.data.hProperties };
}
