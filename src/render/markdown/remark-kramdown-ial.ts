import type { Properties } from 'hast';
import type { Html, Nodes, Parent, Root, RootContent } from 'mdast';
import { type AttributeList, mergeAttributeLists, parseAttributeList } from './kramdown-attribute-list.js';
import { htmlAttributesToProperties } from './mdast-kramdown-html.js';
import type {} from './mdast-kramdown-ial.js';

const aldPattern = /^(\w[\w-]*):(.*)$/s;

/**
 * Applies kramdown IALs: a block IAL sets attributes on the block right before it (no blank line
 * between) or else on the next block; a span IAL on the inline element right before it (after
 * text it stays text, as in kramdown); ALDs (`{:name: ...}`) are definitions used as `{:name}`.
 * Also resolves `{::nomarkdown}` (raw output) and drops `{::options}` and `{::comment}`.
 * Attributes go to `data.hProperties` (class lists merge); on raw HTML they go into the start tag.
 */
export function remarkKramdownIal() {
  return (tree: Root): undefined => {
    const alds = new Map<string, AttributeList>();
    const deferred: Array<[Nodes, AttributeList]> = [];
    visit(tree, alds, deferred);
    for (const [node, list] of deferred) {
      // `{:toc}` names no ALD: it marks the list kramdown replaces with the table of contents.
      if (node.type === 'list' && list.refs.includes('toc') && !alds.has('toc')) {
        node.data ??= {};
        (node.data as { kramdownToc?: boolean }).kramdownToc = true;
      }
      // `{:footnotes}` likewise marks where the footnotes go instead of the page end.
      if (node.type === 'list' && list.refs.includes('footnotes') && !alds.has('footnotes')) {
        node.data ??= {};
        (node.data as { kramdownFootnotes?: boolean }).kramdownFootnotes = true;
      }
      // `{:auto_ids}` or `{:auto_ids-prefix}` on a definition list: ids for its terms.
      const autoIds = list.refs.find((ref) => /^auto_ids(-|$)/.test(ref) && !alds.has(ref));
      if (node.type === 'kramdownDefinitionList' && autoIds !== undefined) {
        node.data ??= {};
        (node.data as { kramdownAutoIdPrefix?: string }).kramdownAutoIdPrefix = autoIds.slice(
          'auto_ids-'.length,
        );
      }
      applyAttributeList(node, resolveRefs(list, alds));
    }
    applyDefinitionAttributes(tree);
  };
}

/**
 * An IAL after a link definition (`[Grunt]: http://gruntjs.com/` then `{:target="_blank"}`)
 * applies to every link that uses the definition, as in kramdown.
 */
function applyDefinitionAttributes(tree: Root): void {
  const byId = new Map<string, Properties>();
  const collect = (node: Nodes): void => {
    if (node.type === 'definition' && node.data?.hProperties)
      byId.set(node.identifier, node.data.hProperties);
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(tree);
  if (byId.size === 0) return;
  const apply = (node: Nodes): void => {
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const properties = byId.get(node.identifier);
      if (properties) {
        node.data ??= {};
        node.data.hProperties = { ...properties, ...node.data.hProperties };
      }
    }
    if ('children' in node) for (const child of node.children) apply(child as Nodes);
  };
  apply(tree);
}

function resolveRefs(list: AttributeList, alds: Map<string, AttributeList>): AttributeList {
  let result: AttributeList = { ...list, refs: [] };
  for (const ref of list.refs) {
    const ald = alds.get(ref);
    if (ald) result = mergeAttributeLists(ald, result);
  }
  return result;
}

function visit(
  parent: Parent,
  alds: Map<string, AttributeList>,
  deferred: Array<[Nodes, AttributeList]>,
): void {
  let changed = false;
  const out: RootContent[] = [];
  let pending: AttributeList | undefined;
  let previous: RootContent | undefined;
  /** The block an unbroken run of IAL lines right after it applies to (kramdown: each of them). */
  let runTarget: RootContent | undefined;
  for (const node of parent.children) {
    if ('children' in node) visit(node, alds, deferred);
    if (node.type === 'kramdownIal') {
      changed = true;
      const ald = aldPattern.exec(node.value);
      if (ald) {
        alds.set(ald[1], parseAttributeList(ald[2]));
      } else {
        const list = parseAttributeList(node.value);
        const adjacent =
          previous?.position && node.position && node.position.start.line - previous.position.end.line <= 1;
        const target = previous?.type === 'kramdownIal' ? runTarget : previous;
        if (adjacent && target) {
          deferred.push([target, list]);
          runTarget = target;
        } else {
          pending = pending ? mergeAttributeLists(pending, list) : list;
          runTarget = undefined;
        }
      }
      previous = node;
      continue;
    }
    if (node.type === 'kramdownSpanIal') {
      changed = true;
      const before = out[out.length - 1];
      if (before && before.type !== 'text' && before.type !== 'break') {
        deferred.push([before, parseAttributeList(node.value)]);
      } else {
        // kramdown ignores a span IAL after text and shows it.
        const text = `{:${node.value}}`;
        if (before?.type === 'text') {
          before.value += text;
          if (before.position && node.position) before.position.end = node.position.end;
        } else out.push({ type: 'text', value: text, position: node.position });
      }
      previous = node;
      continue;
    }
    if (node.type === 'kramdownExtension') {
      changed = true;
      previous = node;
      // nomarkdown for another converter (`type="latex"`) prints nothing in HTML.
      const type = /\btype=["']([^"']*)["']/.exec(node.start ?? '')?.[1];
      if (node.name === 'nomarkdown' && (type === undefined || type.split(/[\s,]+/).includes('html')))
        out.push({ type: 'html', value: node.value, position: node.position });
      if (node.name === 'comment')
        out.push({
          type: 'html',
          value: `<!-- ${node.value.replace(/\n$/, '')} -->`,
          position: node.position,
        });
      continue;
    }
    if (pending) {
      deferred.push([node, pending]);
      pending = undefined;
    }
    out.push(node);
    previous = node;
  }
  if (changed) parent.children = out;
}

/** Sets the attributes of an IAL on an mdast node (through `data.hProperties`) or raw HTML. */
export function applyAttributeList(node: Nodes, list: AttributeList): void {
  if (node.type === 'html') {
    applyToRawHtml(node, list);
    return;
  }
  node.data ??= {};
  node.data.hProperties ??= {};
  const properties: Properties = node.data.hProperties;
  const extra = htmlAttributesToProperties(list.attributes);
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'className' && Array.isArray(value)) list.classes.unshift(...value.map(String));
    else properties[key] = value;
  }
  if (list.id !== undefined) properties.id = list.id;
  if (list.classes.length > 0) {
    const existing = properties.className;
    const classes = Array.isArray(existing) ? existing.map(String) : existing ? [String(existing)] : [];
    properties.className = [...classes, ...list.classes];
  }
}

/** Adds the attributes to the first start tag of raw HTML (`<img src="x">{:width="600px"}`). */
function applyToRawHtml(node: Html, list: AttributeList): void {
  const value = node.value;
  if (!/^<[A-Za-z]/.test(value)) return;
  let end = -1;
  let quote = '';
  for (let index = 1; index < value.length; index++) {
    const char = value[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') {
      end = index;
      break;
    }
  }
  if (end < 0) return;
  if (value[end - 1] === '/') end--;
  const parts: string[] = [];
  if (list.id !== undefined) parts.push(` id="${escapeAttribute(list.id)}"`);
  if (list.classes.length > 0) parts.push(` class="${escapeAttribute(list.classes.join(' '))}"`);
  for (const [key, attributeValue] of list.attributes)
    parts.push(` ${key}="${escapeAttribute(attributeValue)}"`);
  const head = value.slice(0, end).replace(/\s+$/, '');
  node.value = `${head}${parts.join('')}${value[end] === '/' ? ' ' : ''}${value.slice(end)}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
