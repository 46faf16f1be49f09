import type { NavLink, NavNode, NavTree } from './nav-node.js';

/**
 * Walks a built sidebar once, depth first, recording where each page is (its first place) and the
 * reading order for previous/next, and setting each node's `href` (with `baseurl`, so layouts need
 * no filter per entry). `pageUrl` names the page behind a node, if any; external links and plain
 * headings are not part of the reading order.
 */
export function indexTree(
  base: Pick<NavTree, 'group' | 'version' | 'model' | 'nodes'>,
  pageUrl: (node: NavNode) => string | undefined,
  baseurl: string,
): NavTree {
  const locations = new Map<string, number[]>();
  const reading: NavLink[] = [];
  const readingIndex = new Map<string, number>();
  const walk = (nodes: readonly NavNode[], at: number[]) => {
    nodes.forEach((node, i) => {
      const here = [...at, i];
      node.href = node.url === null ? null : node.external ? node.url : `${baseurl}${node.url}`;
      const url = pageUrl(node);
      if (url !== undefined && !locations.has(url)) {
        locations.set(url, here);
        if (!node.external) {
          readingIndex.set(url, reading.length);
          reading.push({ title: node.title, url });
        }
      }
      walk(node.children, here);
    });
  };
  walk(base.nodes, []);
  return { ...base, locations, reading, readingIndex };
}
