import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type {
  KramdownDefinitionDescription,
  KramdownDefinitionList,
  KramdownDefinitionTerm,
} from './mdast-kramdown-definition.js';

/** `<dl>` with its terms and definitions, one per line as kramdown writes them. */
export function kramdownDefinitionListToHast(state: State, node: KramdownDefinitionList): Element {
  const result: Element = {
    type: 'element',
    tagName: 'dl',
    properties: {},
    children: state.wrap(state.all(node), true),
  };
  state.patch(node, result);
  return state.applyData(node, result);
}

/** `<dt>`: one line of the term paragraph. */
export function kramdownDefinitionTermToHast(state: State, node: KramdownDefinitionTerm): Element {
  const result: Element = { type: 'element', tagName: 'dt', properties: {}, children: state.all(node) };
  state.patch(node, result);
  return state.applyData(node, result);
}

/**
 * `<dd>`: its first paragraph is bare unless a blank line separated the definition from its
 * terms; later blocks keep their markup.
 */
export function kramdownDefinitionDescriptionToHast(
  state: State,
  node: KramdownDefinitionDescription,
): Element {
  const results = state.all(node);
  const children: ElementContent[] = [];
  for (const [index, child] of results.entries()) {
    const bare = index === 0 && !node.spread && child.type === 'element' && child.tagName === 'p';
    if (bare) children.push(...child.children);
    else children.push({ type: 'text', value: '\n' }, child);
  }
  if (results.length > 1 || node.spread) children.push({ type: 'text', value: '\n' });
  const result: Element = { type: 'element', tagName: 'dd', properties: {}, children };
  state.patch(node, result);
  return state.applyData(node, result);
}
