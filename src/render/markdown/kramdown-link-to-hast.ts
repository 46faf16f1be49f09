import type { Element, ElementContent } from 'hast';
import type { Image, ImageReference, Link, LinkReference, Nodes } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';

/**
 * kramdown writes a link's or image's URL as the writer typed it (`rfc2617"`, `ü`, `a b`), where
 * mdast-util-to-hast percent-encodes it (`rfc2617%22`). These handlers build the element as the
 * default ones do, then put the written URL back, unless an IAL set the attribute itself.
 */
export const kramdownLinkHandlers = {
  link: (state: State, node: Link) => withUrl(defaultHandlers.link(state, node), node, 'href', node.url),
  image: (state: State, node: Image) => withUrl(defaultHandlers.image(state, node), node, 'src', node.url),
  linkReference: (state: State, node: LinkReference) =>
    withUrl(defaultHandlers.linkReference(state, node), node, 'href', definitionUrl(state, node)),
  imageReference: (state: State, node: ImageReference) =>
    withUrl(defaultHandlers.imageReference(state, node), node, 'src', definitionUrl(state, node)),
};

function definitionUrl(state: State, node: LinkReference | ImageReference): string | undefined {
  return state.definitionById.get(String(node.identifier).toUpperCase())?.url ?? undefined;
}

function withUrl<T extends Element | ElementContent | ElementContent[]>(
  result: T,
  node: Nodes,
  attribute: 'href' | 'src',
  url: string | undefined,
): T {
  const own = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties;
  // A reference without definition comes back as text (an array), not as an element.
  if (url === undefined || Array.isArray(result) || result.type !== 'element' || (own && attribute in own))
    return result;
  result.properties[attribute] = url;
  return result;
}
