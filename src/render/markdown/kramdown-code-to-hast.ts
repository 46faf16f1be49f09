import type { Element, ElementContent } from 'hast';
import type { Code, InlineCode } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { highlightCode } from '../highlight/highlight-code.js';

/**
 * A code block as kramdown with Rouge writes it:
 * `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>`
 * with token spans (`plaintext` when no language is given); a language Rouge does not know gives
 * a bare `<pre><code class="language-x">`. The code keeps its final newline, as in kramdown.
 */
export function kramdownCodeToHast(state: State, node: Code): Element {
  const value = node.value ? `${node.value}\n` : '';
  const info = node.lang ?? '';
  const highlighted = highlightCode(value, info);
  let result: Element;
  if (!highlighted) {
    const lang = info.split('?')[0] ?? info;
    result = element('pre', {}, [element('code', { className: [`language-${lang}`] }, [text(value)])]);
  } else {
    const pre = element('pre', { className: ['highlight'] }, [element('code', {}, highlighted.children)]);
    const inner = element('div', { className: ['highlight'] }, [pre]);
    result = element('div', {}, [inner]);
    state.patch(node, result);
    return withClasses(state.applyData(node, result), [`language-${highlighted.lang}`, 'highlighter-rouge']);
  }
  state.patch(node, result);
  return state.applyData(node, result);
}

/**
 * Inline code as kramdown with Rouge writes it: `<code class="language-plaintext highlighter-rouge">`.
 * Classes from a span IAL are added to these, not put in their place.
 */
export function kramdownInlineCodeToHast(state: State, node: InlineCode): Element {
  const result = element('code', {}, [text(node.value.replace(/\r?\n|\r/g, ' '))]);
  state.patch(node, result);
  return withClasses(state.applyData(node, result), ['language-plaintext', 'highlighter-rouge']);
}

/** Adds kramdown's own classes after those an IAL set. */
function withClasses(applied: Element, own: string[]): Element {
  const extra: unknown = applied.properties.className;
  const classes = Array.isArray(extra)
    ? extra.map(String)
    : typeof extra === 'string'
      ? extra.split(' ')
      : [];
  applied.properties.className = [...classes, ...own.filter((c) => !classes.includes(c))];
  return applied;
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}
