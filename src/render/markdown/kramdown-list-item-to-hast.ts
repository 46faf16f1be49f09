import type { Element, ElementContent } from 'hast';
import type { List, ListItem, Parents } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { listEndOfBlockLine } from './remark-kramdown-list-end-of-block.js';

/**
 * A list item as kramdown writes it. kramdown decides per item, not per list, whether the first
 * paragraph gets a `<p>`: it is left bare unless a blank line follows it inside the item (the
 * blank lines between items belong to the item before), and the last item of a list is bare only
 * when an earlier item was bare too or started with something other than a paragraph. Later
 * paragraphs always keep their `<p>`.
 */
export function kramdownListItemToHast(state: State, node: ListItem, parent: Parents | undefined): Element {
  const results = state.all(node);
  const bare = parent?.type === 'list' ? firstParagraphBare(parent, parent.children.indexOf(node)) : false;
  const children: ElementContent[] = [];
  for (const [index, child] of results.entries()) {
    const first = index === 0 && bare && child.type === 'element' && child.tagName === 'p';
    if (!first) children.push({ type: 'text', value: '\n' });
    if (first) children.push(...child.children);
    else children.push(child);
  }
  const tail = results[results.length - 1];
  if (tail && !(results.length === 1 && bare)) children.push({ type: 'text', value: '\n' });
  const result: Element = { type: 'element', tagName: 'li', properties: {}, children };
  state.patch(node, result);
  return state.applyData(node, result);
}

const cache = new WeakMap<List, boolean[]>();

function firstParagraphBare(list: List, index: number): boolean {
  let flags = cache.get(list);
  if (!flags) {
    flags = [];
    const items = list.children;
    for (const [i, item] of items.entries()) {
      const last = i === items.length - 1;
      let bare =
        item.children[0]?.type === 'paragraph' &&
        !blankAfterFirst(item, items[i + 1]) &&
        !(last && blankBeforeEndOfBlock(item, list));
      if (bare && last && items.length > 1) {
        bare = items.slice(0, -1).some((it, j) => it.children[0]?.type !== 'paragraph' || flags?.[j]);
      }
      flags.push(bare);
    }
    cache.set(list, flags);
  }
  return flags[index] ?? false;
}

/**
 * The last item's paragraph with a blank line after it and then the `^` that ends the list:
 * kramdown keeps the blank in the item (`eob_found`), so the paragraph keeps its `<p>`.
 */
function blankBeforeEndOfBlock(item: ListItem, list: List): boolean {
  const marker = listEndOfBlockLine(list);
  const end = item.children[0]?.position?.end.line;
  return item.children.length === 1 && marker !== undefined && end !== undefined && marker > end + 1;
}

function blankAfterFirst(item: ListItem, next: ListItem | undefined): boolean {
  const first = item.children[0];
  const end = first?.position?.end.line;
  if (end === undefined) return false;
  const after = item.children[1] ?? next;
  const start = after?.position?.start.line;
  if (start === undefined) return false;
  return start > end + 1;
}
